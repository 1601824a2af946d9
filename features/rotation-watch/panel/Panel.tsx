import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type {
  NewEntryInput,
  PanelCheckReply,
  SaveOutcome,
  ShopCtrlOutcome,
  SightingView,
} from '../protocol';
import { FIELD_NAMES } from '../../shopctrl/field-names';
import { formatDate } from '../../../platform/dates';
import type { ClickGuard } from './bridge';
import { NewEntryForm } from './NewEntryForm';
import { ShopCtrlUrlForm } from './ShopCtrlUrlForm';

/** Everything the panel does goes through this (the background in the extension, fakes in tests). */
export interface PanelApi {
  view(): Promise<SightingView>;
  /** Copies the sighted secret; resolves with the seconds until the clipboard is cleared (0 = never). */
  copy(): Promise<number>;
  save(newEntry?: NewEntryInput): Promise<SaveOutcome>;
  setShopCtrlUrl(url: string): Promise<{ host: string }>;
  sendToShopCtrl(): Promise<ShopCtrlOutcome>;
  /** Checks the saved secret at Amazon; resolves with the outcome in words. */
  check(): Promise<PanelCheckReply>;
  openVault(): Promise<void>;
  close(): void;
}

interface Props {
  api: PanelApi;
  guard: ClickGuard;
  /** How often to look again while the answer or a save waits for the unlock (or the first run). */
  pollMs?: number;
  /** Called once the first view is on screen (for the latency measurement and tests). */
  onShown?: () => void;
}

type Form = 'none' | 'new-entry' | 'shopctrl-url';
type Tone = 'info' | 'success' | 'error';

/**
 * One card of the docked panel: the vault's answer about one secret on the page (README "Rotation watch"),
 * with Copy for ShopCtrl, Save to vault and Open ShopCtrl and fill where there is something to do. It never
 * shows a stored secret; it names the entry and says what happened.
 */
export function Panel({ api, guard, pollMs = 1000, onShown }: Props) {
  const [view, setView] = useState<SightingView>();
  const [form, setForm] = useState<Form>('none');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: Tone; text: string; directions?: string }>();
  const [afterSave, setAfterSave] = useState<'fill' | undefined>();
  const shown = useRef(false);
  const card = useRef<HTMLElement>(null);
  const uid = useId();
  useEffect(() => {
    if (card.current) guard.observe(card.current);
  }, [card.current]);

  const refresh = () =>
    api.view().then(setView, (error: Error) => setMessage({ tone: 'error', text: error.message }));
  useEffect(() => void refresh(), []);
  useLayoutEffect(() => {
    if (view && !shown.current) {
      shown.current = true;
      onShown?.();
    }
  }, [view]);

  // While the answer or a save waits for the unlock (or the first run), look again; the background completes it.
  const waiting = view?.save === 'pending-unlock' || view?.save === 'pending-first-run';
  const polling = waiting || view?.answer === 'locked';
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => void refresh(), pollMs);
    return () => clearInterval(timer);
  }, [polling]);
  const wasWaiting = useRef(false);
  useEffect(() => {
    if (wasWaiting.current && view?.save === 'saved') {
      setMessage({ tone: 'success', text: `Unlocked: ${savedText(view)}` });
      if (afterSave === 'fill') {
        setAfterSave(undefined);
        void act(fill, true);
      }
    }
    wasWaiting.current = waiting;
  }, [view?.save]);

  /** Runs an action for a deliberate click or key press (see `createClickGuard`). */
  const act = async (action: () => Promise<void>, programmatic = false, event?: MouseEvent) => {
    const verdict = programmatic || !event ? 'ok' : guard.check(event);
    if (verdict === 'untrusted') return;
    if (verdict === 'just-moved') {
      setMessage({ tone: 'info', text: 'The panel just moved. Click again if you meant to.' });
      return;
    }
    if (verdict === 'not-visible') {
      setMessage({ tone: 'info', text: 'LWA Vault cannot see this panel unobscured. To confirm, press Enter on the button (Tab to it).' });
      return;
    }
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : 'Something went wrong.' });
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    const seconds = await api.copy();
    setMessage({
      tone: 'success',
      text: seconds > 0 ? `Copied. The clipboard is cleared in ${seconds} s.` : 'Copied.',
    });
  };

  const showSave = async (outcome: SaveOutcome) => {
    if (outcome.state === 'needs-entry') {
      setForm('new-entry');
      setMessage({ tone: 'info', text: 'No vault entry has this client id yet. Create one:' });
    } else if (outcome.state === 'pending-unlock') {
      setMessage({ tone: 'info', text: 'LWA Vault is locked. Unlock it from the toolbar button; the save completes then.' });
    } else if (outcome.state === 'pending-first-run') {
      setForm('none');
      setMessage({ tone: 'info', text: 'Create your LWA Vault first (it opens now); the save completes then.' });
      await api.openVault();
    } else {
      setForm('none');
      setMessage({ tone: 'success', text: outcome.rotated ? savedTextFor(outcome.alias, view) : `“${outcome.alias}” already holds this secret.` });
    }
    await refresh();
  };

  const save = async () => showSave(await api.save());

  /** Before other systems take the new secret: does Amazon accept it? */
  const check = async () => {
    setMessage({ tone: 'info', text: 'Checking the saved secret with Amazon…' });
    const reply = await api.check();
    setMessage({ tone: reply.outcome === 'working' ? 'success' : 'error', text: reply.message });
  };

  const create = async (input: NewEntryInput) => {
    const outcome = await api.save(input);
    await showSave(outcome);
    if (outcome.state === 'saved' && afterSave === 'fill') {
      setAfterSave(undefined);
      await fill();
    }
  };

  const fill = async () => {
    setMessage({ tone: 'info', text: 'Opening ShopCtrl…' });
    const outcome = await api.sendToShopCtrl();
    await refresh();
    showShopCtrl(outcome);
  };

  const showShopCtrl = (outcome: ShopCtrlOutcome) => {
    switch (outcome.state) {
      case 'needs-entry':
        setAfterSave('fill');
        setForm('new-entry');
        setMessage({ tone: 'info', text: 'Save the secret to a vault entry first; the entry holds your ShopCtrl address.' });
        return;
      case 'needs-url':
        setForm('shopctrl-url');
        setMessage({ tone: 'info', text: 'Which ShopCtrl shop? Paste the address of its settings page once; LWA Vault remembers it.' });
        return;
      case 'filled': {
        setForm('none');
        const done = outcome.filled.length
          ? `Filled ${list(outcome.filled)} on ${outcome.host}.`
          : `${list(outcome.unchanged)} on ${outcome.host} already held this secret.`;
        const more = outcome.offered.length
          ? ` Also different there: ${list(outcome.offered)}; the note on that page can fill them.`
          : '';
        setMessage({ tone: 'success', text: `${done}${more} Nothing is saved in ShopCtrl yet: review it there, then click Save and Close.` });
        return;
      }
      case 'no-section':
        setMessage({ tone: 'error', text: `No LWA Client Secret field on ${outcome.host}.`, directions: outcome.directions });
        return;
      case 'failed':
        setMessage({ tone: 'error', text: outcome.message });
    }
  };

  const setUrlAndFill = async (url: string) => {
    await api.setShopCtrlUrl(url);
    setForm('none');
    await fill();
  };

  if (!view) {
    return (
      <section class="panel" data-card aria-busy="true" ref={card}>
        <Header title="" onClose={api.close} />
        {message ? <p class="msg error">{message.text}</p> : <p class="muted">Loading…</p>}
      </section>
    );
  }

  const saved = view.save === 'saved';
  const quiet = (view.answer === 'up-to-date' || view.answer === 'previous') && !saved;
  return (
    <section class={form !== 'none' || message ? 'panel open' : 'panel'} data-card data-answer={view.answer} aria-labelledby={`title-${uid}`} data-state="ready" ref={card}>
      <Header id={`title-${uid}`} title={titleOf(view)} onClose={api.close} />
      {quiet ? (
        <p class="who">
          {view.entry ? <>“{view.entry.alias}” </> : null}
          <span class="muted">
            {view.answer === 'up-to-date' ? 'holds this secret as its current one' : 'holds this as its previous secret; the current one is newer'} · seen on{' '}
            {view.host}
          </span>
        </p>
      ) : (
      <>
      <p class="who">
        {view.entry ? (
          <>
            For <strong>{view.entry.alias}</strong>
          </>
        ) : view.clientId ? (
          <>No vault entry has client id …{view.clientId.slice(-6)} yet</>
        ) : (
          <>No client id shown beside it</>
        )}
        <span class="muted">
          {' '}
          · seen on {view.host}
          {view.afterRotateClick ? ' after Rotate secret' : ''}
        </span>
      </p>
      {view.statedDate !== undefined && <p class="muted">Date on the page: {formatDate(view.statedDate, 'UTC')}</p>}
      <div class="actions">
        <button type="button" disabled={busy} onClick={(e) => void act(copy, false, e)}>
          Copy for ShopCtrl
        </button>
        <button type="button" class={saved ? '' : 'primary'} disabled={busy || saved || view.save === 'pending-unlock'} onClick={(e) => void act(save, false, e)}>
          {saved ? 'Saved' : view.save === 'pending-unlock' ? 'Waiting for unlock' : 'Save to vault'}
        </button>
        <button type="button" disabled={busy} onClick={(e) => void act(fill, false, e)}>
          Open ShopCtrl and fill
        </button>
        {/* There from the start, so the save does not grow the card (and move the frame under the cursor). */}
        <button type="button" disabled={busy || !saved} title={saved ? undefined : CHECK_AFTER_SAVE} onClick={(e) => void act(check, false, e)}>
          Check with Amazon
        </button>
      </div>
      {form === 'new-entry' && (
        <NewEntryForm
          suggestion={view.suggestion}
          askShopCtrl={afterSave === 'fill'}
          busy={busy}
          onSubmit={(input, e) => void act(() => create(input), false, e)}
        />
      )}
      {form === 'shopctrl-url' && <ShopCtrlUrlForm busy={busy} onSubmit={(url, e) => void act(() => setUrlAndFill(url), false, e)} />}
      <div class={`msg ${message?.tone ?? ''}`} role="status" aria-live="polite">
        {message?.text}
        {message?.directions && <p class="directions">{message.directions}</p>}
        {(view.save === 'pending-unlock' || view.save === 'pending-first-run' || view.answer === 'locked') && (
          <p>
            <button type="button" onClick={(e) => void act(api.openVault, false, e)}>
              Open LWA Vault
            </button>
          </p>
        )}
      </div>
      </>
      )}
    </section>
  );
}

const CHECK_AFTER_SAVE = 'Save the secret to its vault entry first; then LWA Vault can check it with Amazon.';

function titleOf(view: SightingView): string {
  switch (view.answer) {
    case 'up-to-date':
      return 'Up to date';
    case 'previous':
      return `Previous secret, ${view.previousDaysLeft ?? 0} ${view.previousDaysLeft === 1 ? 'day' : 'days'} left`;
    case 'offer':
      return 'Not in LWA Vault';
    case 'locked':
      return 'Locked: unlock to compare';
    default:
      return 'New client secret';
  }
}

function Header({ id, title, onClose }: { id?: string; title: string; onClose: () => void }) {
  return (
    <header>
      <h1 id={id}>
        <span class="brand">LWA Vault</span> {title}
      </h1>
      <button type="button" class="close" aria-label="Dismiss" title="Dismiss (Esc)" onClick={onClose}>
        ×
      </button>
    </header>
  );
}

function savedText(view: SightingView): string {
  return savedTextFor(view.savedAlias ?? view.entry?.alias ?? 'the entry', view);
}

function savedTextFor(alias: string, view: SightingView | undefined): string {
  const previous = view?.hasPrevious || view?.entry ? ' The previous secret keeps working for 7 days.' : '';
  return `Saved to “${alias}”: its 180-day clock restarted.${previous}`;
}

function list(fields: readonly (keyof typeof FIELD_NAMES)[]): string {
  return fields.map((f) => FIELD_NAMES[f]).join(', ');
}
