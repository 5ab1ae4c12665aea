import { useEffect, useState } from 'preact/hooks';
import type { AnnotationKind } from '@/lib/annotate/types';
import type { MessageKey, MessageParams } from '@/lib/i18n';
import type { Settings, ScriptTarget, UiLanguage } from '@/lib/settings/settings';
import { siteOf } from '@/lib/sites/news-sites';
import { useT } from './i18n';
import type { Send, SettingsAccess } from './Popup';
import { SCRIPT_LABEL_KEYS } from './ScriptSwitcher';
import { onChecked, onValue } from './control-events';

export interface OptionsProps {
  sendToBackground: Send;
  settings: SettingsAccess;
  /** URL of the full-page collections manager (export and import live there). */
  managerUrl?: string;
}

const KINDS: AnnotationKind[] = ['operation', 'agency', 'statistic'];
const SHOW_KIND_KEYS: Record<AnnotationKind, MessageKey> = {
  operation: 'optShowOperation',
  agency: 'optShowAgency',
  statistic: 'optShowStatistic',
};
const TARGETS = Object.keys(SCRIPT_LABEL_KEYS) as ScriptTarget[];
/** Each language named in itself, whatever the interface language is, so a reader can find their own. */
const LANGUAGE_NAMES: Record<Exclude<UiLanguage, 'auto'>, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };
const LANGUAGE_TAGS: Record<Exclude<UiLanguage, 'auto'>, string> = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en' };

/** The options page: highlights, sites, script rules; every change is saved at once. */
export function Options({ sendToBackground, settings, managerUrl }: OptionsProps) {
  const [version, setVersion] = useState<string | null>(null);
  const [prefs, setPrefs] = useState<Settings | null>(null);
  const [newRuleSite, setNewRuleSite] = useState('');
  const [newRuleTarget, setNewRuleTarget] = useState<ScriptTarget>('cn');
  // A key, not a text: the status line follows a language change made just now.
  const [message, setMessage] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const t = useT();

  useEffect(() => {
    void sendToBackground('ping', { context: 'options', nonce: String(Date.now()) }).then((r) => setVersion(r.ok ? r.value.version : null));
    void settings.load().then(setPrefs);
  }, []);

  const update = async (change: (s: Settings) => Settings) => {
    try {
      setPrefs(await settings.update(change));
      setMessage({ key: 'optSaved' });
    } catch (error) {
      setMessage({ key: 'optSaveFailed', params: { message: error instanceof Error ? error.message : String(error) } });
    }
  };

  const addRule = () => {
    const site = siteOf(/^https?:\/\//.test(newRuleSite) ? newRuleSite : `https://${newRuleSite.trim()}`);
    if (!site) {
      setMessage({ key: 'optInvalidSite' });
      return;
    }
    void update((s) => ({ ...s, scriptRules: { ...s.scriptRules, [site]: newRuleTarget } }));
    setNewRuleSite('');
  };

  return (
    <main class="fzl-options">
      <h1>{t('optionsTitle')}</h1>
      <p class="fzl-muted" data-testid="options-version">
        {version ? t('optionsVersion', { version }) : '…'}
      </p>
      {prefs === null ? null : (
        <>
          <section class="fzl-card-section" aria-labelledby="h-language">
            <h2 id="h-language">{t('optLanguage')}</h2>
            <label class="fzl-row">
              {t('optLanguage')}
              <select
                data-testid="opt-language"
                value={prefs.uiLanguage}
                onChange={onValue((value) => void update((s) => ({ ...s, uiLanguage: value as UiLanguage })))}
              >
                <option value="auto">{t('optLanguageAuto')}</option>
                {(Object.keys(LANGUAGE_NAMES) as Exclude<UiLanguage, 'auto'>[]).map((language) => (
                  <option value={language} lang={LANGUAGE_TAGS[language]}>
                    {LANGUAGE_NAMES[language]}
                  </option>
                ))}
              </select>
            </label>
          </section>

          <section class="fzl-card-section" aria-labelledby="h-highlights">
            <h2 id="h-highlights">{t('optHighlights')}</h2>
            <label class="fzl-row">
              <input
                type="checkbox"
                data-testid="opt-enabled"
                checked={prefs.enabled}
                onChange={onChecked((enabled) => void update((s) => ({ ...s, enabled })))}
              />
              {t('enableEverywhere')}
            </label>
            {KINDS.map((kind) => (
              <div class="fzl-row">
                <label>
                  <input
                    type="checkbox"
                    data-testid={`opt-kind-${kind}`}
                    checked={prefs.kinds[kind]}
                    onChange={onChecked((shown) => void update((s) => ({ ...s, kinds: { ...s.kinds, [kind]: shown } })))}
                  />
                  {t(SHOW_KIND_KEYS[kind])}
                </label>
                <label class="fzl-color">
                  {t('optColor')}
                  <input
                    type="color"
                    data-testid={`opt-color-${kind}`}
                    value={prefs.colors[kind]}
                    onChange={onValue((color) => void update((s) => ({ ...s, colors: { ...s.colors, [kind]: color } })))}
                  />
                </label>
              </div>
            ))}
            <label class="fzl-row">
              <input
                type="checkbox"
                data-testid="opt-cleanup"
                checked={prefs.cleanupPinyin}
                onChange={onChecked((cleanupPinyin) => void update((s) => ({ ...s, cleanupPinyin })))}
              />
              {t('optCleanupPinyin')}
            </label>
          </section>

          <section class="fzl-card-section" aria-labelledby="h-sites">
            <h2 id="h-sites">{t('optDisabledSites')}</h2>
            {prefs.disabledSites.length === 0 ? (
              <p class="fzl-muted">{t('optNoDisabledSites')}</p>
            ) : (
              <ul class="fzl-list" role="list" data-testid="opt-disabled-sites">
                {prefs.disabledSites.map((site) => (
                  <li class="fzl-row">
                    <span>{site}</span>
                    <button
                      type="button"
                      aria-label={t('optReenableSite', { site })}
                      onClick={() => void update((s) => ({ ...s, disabledSites: s.disabledSites.filter((x) => x !== site) }))}
                    >
                      {t('optReenable')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section class="fzl-card-section" aria-labelledby="h-script">
            <h2 id="h-script">{t('scriptConversion')}</h2>
            <label class="fzl-row">
              {t('optDefaultScript')}
              <select
                data-testid="opt-default-script"
                value={prefs.defaultScript}
                onChange={onValue((value) => void update((s) => ({ ...s, defaultScript: value as ScriptTarget })))}
              >
                {TARGETS.map((target) => (
                  <option value={target}>{t(SCRIPT_LABEL_KEYS[target])}</option>
                ))}
              </select>
            </label>
            <table class="fzl-table" data-testid="opt-script-rules">
              <thead>
                <tr>
                  <th scope="col">{t('site')}</th>
                  <th scope="col">{t('optAlwaysShowAs')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {Object.entries(prefs.scriptRules).map(([site, target]) => (
                  <tr>
                    <td>{site}</td>
                    <td>
                      <select
                        aria-label={t('optRuleScript', { site })}
                        value={target}
                        onChange={onValue(
                          (value) => void update((s) => ({ ...s, scriptRules: { ...s.scriptRules, [site]: value as ScriptTarget } })),
                        )}
                      >
                        {TARGETS.map((option) => (
                          <option value={option}>{t(SCRIPT_LABEL_KEYS[option])}</option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={t('optDeleteRule', { site })}
                        onClick={() =>
                          void update((s) => {
                            const scriptRules = { ...s.scriptRules };
                            delete scriptRules[site];
                            return { ...s, scriptRules };
                          })
                        }
                      >
                        {t('delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form
              class="fzl-row"
              onSubmit={(e) => {
                e.preventDefault();
                addRule();
              }}
            >
              <input
                data-testid="opt-rule-site"
                placeholder={t('optRuleSitePlaceholder')}
                aria-label={t('site')}
                value={newRuleSite}
                onInput={onValue(setNewRuleSite)}
              />
              <select aria-label={t('scriptShowAs')} value={newRuleTarget} onChange={onValue((value) => setNewRuleTarget(value as ScriptTarget))}>
                {TARGETS.filter((target) => target !== 'original').map((target) => (
                  <option value={target}>{t(SCRIPT_LABEL_KEYS[target])}</option>
                ))}
              </select>
              <button type="submit" data-testid="opt-rule-add">
                {t('optAddRule')}
              </button>
            </form>
          </section>

          {managerUrl ? (
            <section class="fzl-card-section" aria-labelledby="h-collections">
              <h2 id="h-collections">{t('tabCollections')}</h2>
              <p>
                <a href={managerUrl} target="_blank" rel="noopener">
                  {t('optOpenManager')}
                </a>
              </p>
            </section>
          ) : null}
          <p role="status" class="fzl-muted" data-testid="opt-status">
            {message ? t(message.key, message.params) : null}
          </p>
        </>
      )}
    </main>
  );
}
