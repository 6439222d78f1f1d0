import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './app.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html sans #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
