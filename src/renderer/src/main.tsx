import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { connectEvents } from './ipc/connect-events';
import { useFolioStore } from './store';
import './styles.css';

connectEvents();
void useFolioStore.getState().loadWorkspace();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
