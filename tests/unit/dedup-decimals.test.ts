import { describe, expect, it } from 'vitest';
import { type ArticleAccount, clusterAccounts, withSameDay } from '../../lib/dedup/index.ts';
import { agreementOf, decimalsOf } from '../../lib/dedup/wording.ts';
import { anAccount, told } from '../support/accounts.ts';

let n = 900;
const together = (clusters: ArticleAccount[][], a: ArticleAccount, b: ArticleAccount) =>
  clusters.some((c) => c.includes(a) && c.includes(b));

describe('decimalsOf', () => {
  it('reads a decimal figure with either decimal mark as one figure', () => {
    expect([...decimalsOf('A magnitude 6.1 tremor shook the coast')]).toEqual(['6.1']);
    expect([...decimalsOf('Ein Beben der Stärke 6,1 erschütterte die Küste')]).toEqual(['6.1']);
    expect([...decimalsOf('Le chômage est tombé à 7,25 % en mars')]).toEqual(['7.25']);
    expect([...decimalsOf('La inflación subió al 3,4% y 2.9% el año anterior')]).toEqual(['3.4', '2.9']);
  });

  it('leaves thousands groups, dates and version numbers alone', () => {
    expect([...decimalsOf('1,200 homes and 3.500 Häuser were damaged')]).toEqual([]);
    expect([...decimalsOf('Am 03.04.2025 wurde die Version 2.4.1 freigegeben')]).toEqual([]);
  });
});

describe('agreementOf with decimal figures', () => {
  it('counts a decimal both wordings give as a shared figure, whatever the mark', () => {
    const point = agreementOf(
      'Tremor of magnitude 6.1 shakes Velmar coast towns',
      'Velmar hit by strong quake of magnitude 6,1',
    );
    const none = agreementOf(
      'Tremor of magnitude shakes Velmar coast towns',
      'Velmar hit by strong quake of magnitude',
    );
    expect(point.similarity).toBeGreaterThan(none.similarity);
    expect(point.plain).toBe(none.plain + 1);
  });

  it('does not count a decimal only one wording gives against their agreement', () => {
    // Two agencies read one quake as 6.1 and 6.2: the reading only one gives says nothing either way.
    const differ = agreementOf(
      'Tremor of magnitude 6.1 shakes Velmar',
      'Tremor of magnitude 6.2 shakes Velmar',
    );
    const bare = agreementOf('Tremor of magnitude shakes Velmar', 'Tremor of magnitude shakes Velmar');
    expect(differ).toEqual(bare);
  });
});

/** One article of the day: a figure's sentence beside other news, so no story rule joins on headlines. */
const bulletin = (outlet: string, title: string, sentences: string[]): ArticleAccount[] => {
  const id = ++n;
  return withSameDay(
    sentences.map((summary, position) =>
      anAccount(id, { feedId: outlet, date: '2025-03-04', summary, title, position, quote: summary }),
    ),
  );
};

describe('clustering on shared decimals', () => {
  const joined = (english: string, other: string, otherTitle: string) => {
    const [a, ...restA] = bulletin('north', 'Ostria news of the day', [
      english,
      'Heavy snow closed the mountain pass',
    ]);
    const [b, ...restB] = bulletin('south', otherTitle, [
      other,
      'Un tren descarriló cerca de Lenz sin heridos',
    ]);
    const clusters = clusterAccounts([a, b, ...restA, ...restB] as ArticleAccount[]);
    return together(clusters, a as ArticleAccount, b as ArticleAccount);
  };

  it('joins two outlets in two languages whose same-day sentences share only the story’s name and a figure', () => {
    expect(
      joined(
        "Ostria's inflation eased to 2.4% in February",
        'El IPC de Ostria bajó al 2,4 %',
        'Noticias de Ostria',
      ),
    ).toBe(true);
    expect(
      joined(
        'Ostria grew 1.8% last quarter',
        'Ostrias Wirtschaft legte um 1,8 Prozent zu',
        'Nachrichten aus Ostria',
      ),
    ).toBe(true);
  });

  it('does not join the same sentences when their figures differ', () => {
    expect(
      joined(
        "Ostria's inflation eased to 2.4% in February",
        'El IPC de Ostria bajó al 2,9 %',
        'Noticias de Ostria',
      ),
    ).toBe(false);
    expect(
      joined(
        'Ostria grew 1.8% last quarter',
        'Ostrias Wirtschaft legte um 1,3 Prozent zu',
        'Nachrichten aus Ostria',
      ),
    ).toBe(false);
  });

  it('does not split two outlets whose same-day sentences give two agencies’ readings of one figure', () => {
    const north = told(
      'north',
      '2025-03-04',
      'A magnitude 6.1 tremor shook Velmar province before dawn, toppling homes',
      {
        title: 'Strong tremor topples homes in Velmar',
      },
    );
    const south = told(
      'south',
      '2025-03-04',
      'Before dawn a 6.2 magnitude tremor shook Velmar province and toppled homes',
      {
        title: 'Velmar homes collapse in pre-dawn quake',
      },
    );
    expect(together(clusterAccounts([north, south]), north, south)).toBe(true);
  });
});

describe('a figure or a minute as the only thing two languages share', () => {
  const pair = (english: string, other: string) => {
    const [a, ...restA] = bulletin('north', 'Harbour news', [english, 'Heavy snow closed the mountain pass']);
    const [b, ...restB] = bulletin('south', 'Aus dem Hafen', [other, 'Ein Zug entgleiste ohne Verletzte']);
    return together(
      clusterAccounts([a, b, ...restA, ...restB] as ArticleAccount[]),
      a as ArticleAccount,
      b as ArticleAccount,
    );
  };

  it('joins two tellings of one moment to the minute, on any clock', () => {
    expect(
      pair(
        'Divers reached the upturned hull at 3:25 a.m.',
        'Um 3.25 Uhr erreichten Taucher den gekenterten Rumpf',
      ),
    ).toBe(true);
  });

  it('does not join two things of one day on the hour, which a hearing and a briefing may share', () => {
    expect(
      pair('Divers reached the upturned hull at 3 a.m.', 'Um 3 Uhr erreichten Taucher den gekenterten Rumpf'),
    ).toBe(false);
  });

  it('judges two sentences that share only a decimal figure, which their words split', () => {
    expect(pair('The port index fell 3.7% by noon', 'Der Leitindex verlor bis Mittag 3,7 Prozent')).toBe(
      true,
    );
    expect(pair('The port index fell 3.7% by noon', 'Der Leitindex verlor bis Mittag 2,9 Prozent')).toBe(
      false,
    );
  });
});

describe('agreementOf with clock times', () => {
  it('counts a clock time both wordings give, whatever the clock it is written on', () => {
    const timed = agreementOf(
      'Just after 9pm the port authority posted its closure notice',
      'Peu après 21h, le port a publié un avis de fermeture',
    );
    // The same texts, but the French gives another hour: no moment in common.
    const untimed = agreementOf(
      'Just after 9pm the port authority posted its closure notice',
      'Peu après 23h, le port a publié un avis de fermeture',
    );
    expect(timed.plain).toBe(untimed.plain + 1);
    expect(timed.similarity).toBeGreaterThan(untimed.similarity);
  });

  it('reads a dot time after "um" as a time, not as a decimal as well', () => {
    expect([...decimalsOf('Der Hafen schloss um 21.15 Uhr')]).toEqual([]);
  });
});
