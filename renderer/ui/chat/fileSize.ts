/** A file size in the agent's language: "850 byte", "31.5 kB" (Intl, no library needed). */
import { useTranslation } from 'react-i18next';

export function useFileSize(): (bytes: number) => string {
  const { i18n } = useTranslation();
  return (bytes) =>
    bytes < 1000
      ? new Intl.NumberFormat(i18n.language, {
          style: 'unit',
          unit: 'byte',
          unitDisplay: 'long',
        }).format(bytes)
      : new Intl.NumberFormat(i18n.language, {
          style: 'unit',
          unit: 'kilobyte',
          maximumFractionDigits: 1,
        }).format(bytes / 1000);
}
