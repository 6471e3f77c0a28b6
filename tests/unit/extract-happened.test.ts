import { describe, expect, it } from 'vitest';
import { extractEvents, isTextDated } from '../../lib/extraction/index.ts';

// Thursday 14 May 2026: "Tuesday" is 12 May.
const THURSDAY = '2026-05-14T12:00:00Z';

const accountsOf = (paragraphs: string[], language?: string) =>
  extractEvents({
    html: paragraphs.map((text) => `<p>${text}</p>`).join(''),
    publishedAt: THURSDAY,
    ...(language ? { language } : {}),
  })
    .filter(isTextDated)
    .map((event) => ({ date: event.date, told: [event.quote, ...(event.evidence ?? [])].join(' / ') }));

describe('a sentence telling only when a thing named before happened', () => {
  it('is one more telling of that thing, in English, Spanish, French and German', () => {
    const articles: Array<[string[], string]> = [
      [
        [
          'Customs officers seized 40 kilograms of cocaine from a banana freighter at the port of Vlissingen on Tuesday.',
          'The seizure took place on Tuesday during a routine inspection of the reefer containers, the agency said.',
        ],
        'en',
      ],
      [
        [
          'Agentes de aduanas incautaron el martes 40 kilos de cocaína en un carguero bananero en el puerto de Vigo.',
          'La incautación se produjo el martes durante una inspección rutinaria de los contenedores frigoríficos.',
        ],
        'es',
      ],
      [
        [
          'Un glissement de terrain a coupé mardi la route départementale entre Saint-Lary et Vielle-Aure.',
          "L'éboulement s'est produit mardi vers 6 heures, sans faire de blessés, selon la préfecture.",
        ],
        'fr',
      ],
      [
        [
          'Ein Lastwagen hat am Dienstag auf der A8 bei Ulm eine Baustellenabsicherung gerammt.',
          'Der Unfall ereignete sich am Dienstag gegen 5.30 Uhr auf der Fahrbahn Richtung Stuttgart.',
        ],
        'de',
      ],
    ];
    for (const [paragraphs, language] of articles) {
      const accounts = accountsOf(paragraphs, language);
      expect(accounts, paragraphs[1]).toHaveLength(1);
      expect(accounts[0]?.date).toBe('2026-05-12');
      expect(accounts[0]?.told).toContain(paragraphs[1]?.slice(0, 20));
    }
  });

  it('joins the account that names the thing, not the day’s latest other news', () => {
    const accounts = accountsOf([
      'A gas explosion destroyed a bakery on Harbour Street on Tuesday, injuring three people.',
      'On Tuesday, the council also approved a new bus lane on Mill Road.',
      'The explosion happened on Tuesday shortly after 5 a.m., as the first ovens were lit.',
    ]);
    expect(accounts).toHaveLength(2);
    const bakery = accounts.find((account) => account.told.includes('bakery'));
    expect(bakery?.told).toContain('The explosion happened');
    expect(accounts.find((account) => account.told.includes('bus lane'))?.told).not.toContain('explosion');
  });

  it('draws none of the day’s later news in', () => {
    const accounts = accountsOf([
      'The derailment happened on Tuesday near the Brenner tunnel, the operator said.',
      'On Tuesday evening, the transport minister announced an inquiry into track maintenance.',
    ]);
    expect(accounts).toHaveLength(2);
  });

  it('leaves a day in a clause joined after it to that clause’s own act', () => {
    const accounts = accountsOf([
      'A landslide blocked the valley road at Tuesday’s first light, the county said.',
      'The slide happened before dawn, and on Tuesday afternoon the army opened a footbridge across the river.',
    ]);
    expect(accounts).toHaveLength(2);
  });

  it('stays a telling of its own when the article tells nothing else of that day', () => {
    const accounts = accountsOf([
      'Freight trains are running again through the valley.',
      'The derailment happened on Tuesday near the Brenner tunnel, the operator said.',
    ]);
    expect(accounts.map((account) => account.date)).toEqual(['2026-05-12']);
  });
});

describe('a thing named by its day ("Tuesday\'s derailment", "l\'effondrement de mardi")', () => {
  it('is one more telling of the account that names the thing, in English, French and Spanish', () => {
    const articles: Array<[string[], string]> = [
      [
        [
          'A grain train derailed on a viaduct outside Tarbes on Tuesday, blocking the line to Pau.',
          "Engineers have not yet said what caused Tuesday's derailment of the grain train.",
        ],
        'en',
      ],
      [
        [
          'Un train de céréales a déraillé mardi sur un viaduc près de Tarbes, bloquant la ligne vers Pau.',
          'Le déraillement de mardi a aussi endommagé un câble de signalisation, selon la SNCF.',
        ],
        'fr',
      ],
      [
        [
          'Un tren de cereal descarriló el martes en un viaducto cerca de Huesca y cortó la línea.',
          'El descarrilamiento del martes dañó también un cable de señalización, según Adif.',
        ],
        'es',
      ],
    ];
    for (const [paragraphs, language] of articles) {
      const ofTuesday = accountsOf(paragraphs, language).filter((a) => a.date === '2026-05-12');
      expect(ofTuesday).toHaveLength(1);
      // Quoted by the sentence that tells the thing, not by the one that names it by its day.
      expect(ofTuesday[0]?.told.startsWith(paragraphs[0] as string)).toBe(true);
    }
  });

  it('stays an account of its own when nothing of it is in the day’s other news', () => {
    const accounts = accountsOf([
      'Dockers at the port of Sète walked out on Tuesday over a pay offer.',
      "Tuesday's vote in the town council on the new marina went ahead without them.",
    ]);
    expect(accounts.filter((a) => a.date === '2026-05-12')).toHaveLength(2);
  });
});
