import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLanguage } from './i18n';
import { resolveLanguage, storedLanguage, tellServerLanguage } from './lib/language';
import { adoptPrerendered, appContainer } from './lib/prerendered';
import './styles.css';

// On a slow network every round trip counts: fetch the first screen's code while the texts load.
if (location.pathname === '/academy') void import('./screens/academy/Catalogue');

const initial = resolveLanguage({ stored: storedLanguage(), browser: navigator.languages });
if (!initial.ask) tellServerLanguage(initial.language);
void loadLanguage(initial.language).then(() => {
  // just before the app replaces the server's page: what it showed, and what was typed into it
  adoptPrerendered(document, location, history);
  // (a reader still to choose a language sees the chooser first, not the catalogue)
  createRoot(appContainer(document, !initial.ask)).render(
    <App initialLanguage={initial.language} askLanguage={initial.ask} />,
  );
});
