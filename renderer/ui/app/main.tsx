import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CompactWidget } from '../widget/CompactWidget';
import { App } from './App';
import { ccp } from './ccpApi';
import { CcpContext } from './CcpContext';
import i18n from './i18n';
import '../styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('OpenCCP: #root element missing from index.html');

if (!ccp) {
  // Plain text on purpose: without the bridge nothing else can work, and this must not fail too.
  root.className = 'fatal';
  root.textContent = i18n.t('app.noBridge');
} else {
  createRoot(root).render(
    <StrictMode>
      <CcpContext value={ccp}>
        {/* The same page is the compact widget when its window asks for that view. */}
        {new URLSearchParams(window.location.search).get('view') === 'widget' ? (
          <CompactWidget />
        ) : (
          <App />
        )}
      </CcpContext>
    </StrictMode>,
  );
}
