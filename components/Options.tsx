import { useEffect, useState } from 'preact/hooks';
import type { AnnotationKind } from '@/lib/annotate/types';
import type { Settings, ScriptTarget } from '@/lib/settings/settings';
import { siteOf } from '@/lib/sites/news-sites';
import { KIND_LABELS } from './HighlightCard';
import type { Send, SettingsAccess } from './Popup';
import { SCRIPT_LABELS } from './ScriptSwitcher';

export interface OptionsProps {
  sendToBackground: Send;
  settings: SettingsAccess;
  /** URL of the full-page collections manager (export and import live there). */
  managerUrl?: string;
}

const KINDS: AnnotationKind[] = ['operation', 'agency', 'statistic'];
const TARGETS = Object.keys(SCRIPT_LABELS) as ScriptTarget[];

/** The options page: highlights, sites, script rules; every change is saved at once. */
export function Options({ sendToBackground, settings, managerUrl }: OptionsProps) {
  const [version, setVersion] = useState<string | null>(null);
  const [prefs, setPrefs] = useState<Settings | null>(null);
  const [newRuleSite, setNewRuleSite] = useState('');
  const [newRuleTarget, setNewRuleTarget] = useState<ScriptTarget>('cn');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void sendToBackground('ping', { context: 'options', nonce: String(Date.now()) }).then((r) => setVersion(r.ok ? r.value.version : null));
    void settings.load().then(setPrefs);
  }, []);

  const update = async (change: (s: Settings) => Settings) => {
    try {
      setPrefs(await settings.update(change));
      setMessage('已保存');
    } catch (error) {
      setMessage(`保存失败：${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const addRule = () => {
    const site = siteOf(/^https?:\/\//.test(newRuleSite) ? newRuleSite : `https://${newRuleSite.trim()}`);
    if (!site) {
      setMessage('网址无效');
      return;
    }
    void update((s) => ({ ...s, scriptRules: { ...s.scriptRules, [site]: newRuleTarget } }));
    setNewRuleSite('');
  };

  return (
    <main class="fzl-options">
      <h1>反诈透镜 · 设置</h1>
      <p class="fzl-muted" data-testid="options-version">
        {version ? `版本 ${version}` : '…'}
      </p>
      {prefs === null ? null : (
        <>
          <section class="fzl-card-section" aria-labelledby="h-highlights">
            <h2 id="h-highlights">高亮</h2>
            <label class="fzl-row">
              <input
                type="checkbox"
                data-testid="opt-enabled"
                checked={prefs.enabled}
                onChange={(e) => {
                const t = e.currentTarget as HTMLInputElement; // read now: currentTarget is gone after an await
 void update((s) => ({ ...s, enabled: t.checked }));
}}
              />
              启用高亮（所有网站）
            </label>
            {KINDS.map((kind) => (
              <div class="fzl-row">
                <label>
                  <input
                    type="checkbox"
                    data-testid={`opt-kind-${kind}`}
                    checked={prefs.kinds[kind]}
                    onChange={(e) => {
                const t = e.currentTarget as HTMLInputElement; // read now: currentTarget is gone after an await
 void update((s) => ({ ...s, kinds: { ...s.kinds, [kind]: t.checked } }));
}}
                  />
                  显示{KIND_LABELS[kind]}
                </label>
                <label class="fzl-color">
                  颜色
                  <input
                    type="color"
                    data-testid={`opt-color-${kind}`}
                    value={prefs.colors[kind]}
                    onChange={(e) => {
                const t = e.currentTarget as HTMLInputElement; // read now: currentTarget is gone after an await
 void update((s) => ({ ...s, colors: { ...s.colors, [kind]: t.value } }));
}}
                  />
                </label>
              </div>
            ))}
            <label class="fzl-row">
              <input
                type="checkbox"
                data-testid="opt-cleanup"
                checked={prefs.cleanupPinyin}
                onChange={(e) => {
                const t = e.currentTarget as HTMLInputElement; // read now: currentTarget is gone after an await
 void update((s) => ({ ...s, cleanupPinyin: t.checked }));
}}
              />
              隐藏“發(fā)布會”式的拼音残留（原文保留，仅不显示）
            </label>
          </section>

          <section class="fzl-card-section" aria-labelledby="h-sites">
            <h2 id="h-sites">不使用高亮的网站</h2>
            {prefs.disabledSites.length === 0 ? (
              <p class="fzl-muted">没有。可在弹出窗口中为当前网站停用。</p>
            ) : (
              <ul class="fzl-list" role="list" data-testid="opt-disabled-sites">
                {prefs.disabledSites.map((site) => (
                  <li class="fzl-row">
                    <span>{site}</span>
                    <button
                      type="button"
                      aria-label={`在 ${site} 重新启用`}
                      onClick={() => void update((s) => ({ ...s, disabledSites: s.disabledSites.filter((x) => x !== site) }))}
                    >
                      重新启用
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section class="fzl-card-section" aria-labelledby="h-script">
            <h2 id="h-script">文字转换</h2>
            <label class="fzl-row">
              其他网站默认显示为
              <select
                data-testid="opt-default-script"
                value={prefs.defaultScript}
                onChange={(e) => {
                const t = e.currentTarget as HTMLSelectElement; // read now: currentTarget is gone after an await
 void update((s) => ({ ...s, defaultScript: t.value as ScriptTarget }));
}}
              >
                {TARGETS.map((t) => (
                  <option value={t}>{SCRIPT_LABELS[t]}</option>
                ))}
              </select>
            </label>
            <table class="fzl-table" data-testid="opt-script-rules">
              <thead>
                <tr>
                  <th scope="col">网站</th>
                  <th scope="col">总是显示为</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {Object.entries(prefs.scriptRules).map(([site, target]) => (
                  <tr>
                    <td>{site}</td>
                    <td>
                      <select
                        aria-label={`${site} 的显示文字`}
                        value={target}
                        onChange={(e) => {
                const t = e.currentTarget as HTMLSelectElement; // read now: currentTarget is gone after an await
 void update((s) => ({
                            ...s,
                            scriptRules: { ...s.scriptRules, [site]: t.value as ScriptTarget },
                          }));
}}
                      >
                        {TARGETS.map((t) => (
                          <option value={t}>{SCRIPT_LABELS[t]}</option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={`删除 ${site} 的规则`}
                        onClick={() =>
                          void update((s) => {
                            const scriptRules = { ...s.scriptRules };
                            delete scriptRules[site];
                            return { ...s, scriptRules };
                          })
                        }
                      >
                        删除
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
                placeholder="网站，如 udn.com"
                aria-label="网站"
                value={newRuleSite}
                onInput={(e) => setNewRuleSite((e.currentTarget as HTMLInputElement).value)}
              />
              <select aria-label="显示文字" value={newRuleTarget} onChange={(e) => setNewRuleTarget((e.currentTarget as HTMLSelectElement).value as ScriptTarget)}>
                {TARGETS.filter((t) => t !== 'original').map((t) => (
                  <option value={t}>{SCRIPT_LABELS[t]}</option>
                ))}
              </select>
              <button type="submit" data-testid="opt-rule-add">
                添加规则
              </button>
            </form>
          </section>

          {managerUrl ? (
            <section class="fzl-card-section" aria-labelledby="h-collections">
              <h2 id="h-collections">收藏夹</h2>
              <p>
                <a href={managerUrl} target="_blank" rel="noopener">
                  打开收藏夹管理（导出、导入）
                </a>
              </p>
            </section>
          ) : null}
          <p role="status" class="fzl-muted" data-testid="opt-status">
            {message}
          </p>
        </>
      )}
    </main>
  );
}
