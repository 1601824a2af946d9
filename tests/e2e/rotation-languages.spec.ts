import { expect, test } from './fixtures';
import { fixturePage, rotateSecret } from './support/amazon-console';
import { DAY, utcMidnight } from './support/clock';
import { clientId, secret } from '../support/identifiers';
import { seedVault, send } from './support/messages';
import { card, cardHeadings, expectNoOverlapAtBothSizes, readyPanel } from './support/on-page-ui';

// Rotation recognised in consoles whose every label, dialog and date is translated: nothing English to go by.
// Each creates a vault (PBKDF2) in a fresh browser.
test.describe.configure({ timeout: 120_000 });

const dayIn = (days: number) => {
  const d = new Date(Date.now() + days * DAY);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), utc: utcMidnight(d.getTime()) };
};
const two = (n: number) => String(n).padStart(2, '0');

const CONSOLES = [
  {
    lang: 'de', url: 'https://sellercentral.amazon.de/sellingpartner/developerconsole', region: 'EU' as const,
    labels: { TITLE: 'Entwicklerzentrale', CREDENTIALS: 'LWA-Anmeldedaten', VIEW: 'Anzeigen', CLIENT_ID_LABEL: 'Client-Kennung', SECRET_LABEL: 'Client-Geheimnis', DATE_LABEL: 'Zieldatum der Rotation', ROTATE: 'Geheimnis rotieren', CLOSE: 'Schließen', WARNING: 'Das aktuelle Geheimnis bleibt 7 Tage gültig.' },
    date: (x: ReturnType<typeof dayIn>) => `${two(x.d)}.${two(x.m)}.${x.y}`, readsDate: true,
  },
  {
    lang: 'ja', url: 'https://sellercentral.amazon.co.jp/sellingpartner/developerconsole', region: 'FE' as const,
    labels: { TITLE: 'デベロッパーセントラル', CREDENTIALS: 'LWA認証情報', VIEW: '表示', CLIENT_ID_LABEL: 'クライアントID', SECRET_LABEL: 'クライアントシークレット', DATE_LABEL: 'ローテーション目標日', ROTATE: 'シークレットをローテーション', CLOSE: '閉じる', WARNING: '現在のシークレットは7日間有効です。' },
    date: (x: ReturnType<typeof dayIn>) => `${x.y}年${x.m}月${x.d}日`, readsDate: true,
  },
  {
    lang: 'fr', url: 'https://vendorcentral.amazon.fr/sellingpartner/developerconsole', region: 'EU' as const,
    labels: { TITLE: 'Centre des développeurs', CREDENTIALS: "Informations d'identification LWA", VIEW: 'Afficher', CLIENT_ID_LABEL: 'Identifiant client', SECRET_LABEL: 'Secret client', DATE_LABEL: 'Date cible de rotation', ROTATE: 'Renouveler le secret', CLOSE: 'Fermer', WARNING: 'Le secret actuel reste valable 7 jours.' },
    // "21 mai 2027": month names in other languages are not read; the vault counts 180 days itself.
    date: (x: ReturnType<typeof dayIn>) => `${x.d} ${['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'][x.m - 1]} ${x.y}`, readsDate: false,
  },
];

for (const console of CONSOLES) {
  test(`${console.lang}: up to date, then the rotated secret is new and saved in two slots, clear of the dialog`, async ({ extension, page, routeAmazon }) => {
    const { admin, ids } = await seedVault(extension, [
      { alias: `App ${console.lang}`, kind: 'seller', region: console.region, clientId: clientId(40), secrets: { clientSecret: secret(40) } },
    ]);
    const next = dayIn(180);
    await routeAmazon(`${console.url}**`, fixturePage('amazon/localized-console.html', {
      LANG: console.lang, ...console.labels, CLIENT_ID: clientId(40), OLD_SECRET: secret(40), NEW_SECRET: secret(41),
      OLD_DATE: console.date(dayIn(5)), NEW_DATE: console.date(next),
    }));
    await page.goto(console.url);
    await page.getByRole('link', { name: console.labels.VIEW }).click();
    expect(await cardHeadings(await readyPanel(page, { cards: 1 }))).toEqual(['LWA Vault Up to date']);

    const panel = await rotateSecret(page, { rotate: console.labels.ROTATE });
    expect(await cardHeadings(panel)).toEqual(['LWA Vault Up to date', 'LWA Vault New client secret']);
    await expectNoOverlapAtBothSizes(page);
    const fresh = await card(panel, 'LWA Vault New client secret');
    // The keyboard (Tab to it, Enter): right after the viewport emulation above, headless Chromium now and then
    // routes a pointer click on the frame to the page (the frame gets focus, its document no event); pointer
    // clicks on the panel are covered in rotation.spec.ts and rotation-hostile.spec.ts.
    await readyPanel(page, { cards: 2 });
    await fresh.getByRole('button', { name: 'Save to vault' }).focus();
    await page.keyboard.press('Enter');
    await expect(fresh.getByRole('status')).toContainText(`Saved to “App ${console.lang}”`);

    const { meta, secrets } = await send(admin, 'entries.get', { id: ids[0]! });
    expect(secrets).toMatchObject({ clientSecret: secret(41), previousClientSecret: secret(40) });
    if (console.readsDate) expect(meta.secretExpiresAt).toBe(next.utc);
    else expect(meta.secretExpiresAt).toBeUndefined(); // computed: secretIssuedAt + 180 days
  });
}

test('ja, an app the vault does not know: the offer first, "New client secret" after a rotation in the dialog', async ({ extension, page, routeAmazon }) => {
  await seedVault(extension, []);
  const ja = CONSOLES[1]!;
  await routeAmazon(`${ja.url}**`, fixturePage('amazon/localized-console.html', {
    LANG: 'ja', ...ja.labels, CLIENT_ID: clientId(42), OLD_SECRET: secret(42), NEW_SECRET: secret(43), OLD_DATE: '2027年1月1日', NEW_DATE: '2027年6月1日',
  }));
  await page.goto(ja.url);
  await page.getByRole('link', { name: ja.labels.VIEW }).click();
  expect(await cardHeadings(await readyPanel(page, { cards: 1 }))).toEqual(['LWA Vault Not in LWA Vault']);
  expect(await cardHeadings(await rotateSecret(page, { rotate: ja.labels.ROTATE }))).toEqual(['LWA Vault Not in LWA Vault', 'LWA Vault New client secret']);
});
