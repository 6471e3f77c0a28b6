import { withoutMarks } from './fold.ts';
import { monthNames } from './month-names.ts';
import { CORE_ROOTS, CORE_WORDS } from './news-vocabulary.ts';

/**
 * German writes a weekday and its part as one word ("Sonntagnachmittag", "Montagabend"): a date, like
 * the weekday alone, not a name for an event's wording to share.
 */
function germanDayParts(): string[] {
  const days = 'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag'.split(' ');
  const parts = 'morgen vormittag mittag nachmittag abend nacht'.split(' ');
  return days.flatMap((day) => parts.flatMap((part) => [`${day}${part}`, `${day}${part}s`]));
}

/**
 * Function words of the other languages news arrives in (French, German, Spanish, Italian, Portuguese,
 * Turkish):
 * left out like English ones, so a French wording is not diluted by its articles and prepositions.
 * Written with or without accents: both are read as the tokenizer reads text, without them. They
 * hold for text in every language, so a word that is also an English one ("gun", "ten") stays out.
 */
export const FOREIGN_STOPWORDS = `le la les un une des du de au aux et ou en dans sur sous par pour avec sans
  ce cet cette ces sa ses leur leurs qui que quoi dont il elle ils elles on se ne pas plus est sont ete
  etait avait avaient a ont fait selon apres avant lors depuis pendant entre contre vers chez mais donc
  lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd demain janvier fevrier avril mai juin
  juillet aout septembre octobre novembre decembre an ans annee jour jours semaine mois heure heures
  der die das den dem des ein eine einer eines einem einen und oder im am an auf aus bei mit nach von vor zu
  zum zur um uber unter fur gegen seit bis durch ist sind war waren wurde wurden worden hat haben hatte
  hatten sei wird werden nicht auch noch wie als dass sich es er sie wir ihr ihre sein seine dieser diese
  laut montag dienstag mittwoch donnerstag freitag samstag sonntag gestern heute morgen januar februar marz
  juni juli oktober dezember jahr jahre tag tage woche monat stunde stunden mitte ende anfang
  el los las del al y o con sin por para segun tras lunes martes miercoles jueves viernes sabado domingo
  un una unos unas lo les su sus es fue fueron ser han sido esta este esto ese esa como mas muy pero sobre
  hasta desde donde cuando tambien ya dijo dice enero febrero marzo abril mayo junio julio septiembre
  noviembre diciembre hoy ayer manana ano anos dia dias semana
  il lo gli della delle dei con per da tra fra ha hanno di del dello degli nel nella nei sul sulla alla
  alle che si sono stato stata anche piu dopo oggi ieri domani lunedi martedi mercoledi giovedi venerdi
  domenica gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre anno anni giorno giorni
  e os as do da dos das em no na com pelo pela um uma uns umas ao aos pelos pelas num numa nos nas seu
  sua seus suas ele ela eles elas isso isto esse essa foi foram sao estao tem ter diz dizem disse mais
  muito muita muitos ja nao mas quando onde porque apos ate segunda terca quarta quinta sexta janeiro
  fevereiro maio junho julho setembro outubro dezembro hoje ontem amanha mes
  ve bir bu icin ile olarak olan gibi daha sonra kadar ancak gore degil cok ise ki ya her gunu saat yılı
  pazartesi salı carsamba
  persembe cuma cumartesi dun bugun yarın hafta ay yıl dan den tan ın nın nin nun ye lik lık luk`
  .split(/\s+/)
  .filter(Boolean)
  .concat(monthNames('tr'), germanDayParts())
  .map(withoutMarks);

/**
 * News vocabulary of other languages, by root, in English: two outlets telling one event in two
 * languages then share the words that say what happened, not only the names. A root matches a word
 * it begins (inflections: condamné, condamnation) or, being at least six letters, ends (German
 * compounds: Drohnenangriff, Gefangenenaustausch). Roots are chosen not to begin English words.
 */
const ROOTS = `
  scrutin:vote wahl:election stichwahl:runoff wahlkampf:campaign prasident:president regierung:government
  gouvernement:government parlement:parliament parlament:parliament abgeordnet:lawmaker depute:lawmaker
  koalition:coalition partei:party demission:resign rucktritt:resign zurucktret:resign
  confiance:confidence vertrauen:confidence investitur:inauguration vereidig:sworn amtseinfuhr:inauguration
  recomptage:recount nachzahl:recount neuauszahl:recount manifestant:protest manifestation:protest
  demonstrant:protest demonstration:protest kundgebung:rally
  defaite:defeat niederlage:defeat remport:win gagne:win gewinn:win vainqueur:winner gewahlt:elected
  prozess:trial tribunal:court gericht:court urteil:verdict condamn:sentence verurteil:sentence
  gefangnis:prison haftstraf:prison procureur:prosecutor staatsanwalt:prosecutor temoign:testify
  aussage:testimony berufung:appeal inculp:indicted anklage:indictment korruption:corruption
  bestech:bribery notenbank:bank zentralbank:bank leitzins:rate zinssatz:rate taux:rate
  abaiss:cut senkt:cut senkung:cut erhoht:raise anheb:raise couronne:crown krone:crown fusionn:merger
  ubernahme:takeover greve:strike streik:strike annul:cancel gestrichen:cancelled syndicat:union
  gewerkschaft:union fluggesellschaft:airline frappe:strike attaque:attack angriff:attack rakete:missile
  drohne:drone hafen:port brucke:bridge ferroviair:rail bahnstreck:rail zugverkehr:train electricit:power
  stromausfall:blackout stromversorg:power coupure:outage reseau:grid kraftwerk:plant umspannwerk:substation
  getotet:killed verletzt:injured blessure:injured seeleute:sailors seemann:sailor
  navire:ship schiff:ship frachter:ship luftabwehr:air flugabwehr:air batterie:battery livraison:delivered
  geliefert:delivered lieferung:delivery eingetroffen:arrived prisonnier:prisoner gefangen:prisoner
  echange:exchange austausch:exchange treve:truce waffenruhe:ceasefire waffenstillstand:ceasefire
  cessez:ceasefire rejet:reject abgelehnt:rejected ablehn:reject kreml:kremlin russie:russia
  russland:russia russisch:russian ukrainisch:ukrainian kiew:kyiv kiev:kyiv odessa:odesa seisme:earthquake
  tremblement:earthquake erdbeben:earthquake replique:aftershock nachbeben:aftershock inondation:flood
  hochwasser:flood uberschwemm:flood uberflut:flood damm:dam digue:dyke evakuier:evacuate sauvet:rescue
  gerettet:rescued rettung:rescue secours:rescue fillette:girl madchen:girl opfer:victims alunissage:landing
  atterri:landed landung:landing gelandet:landed umlaufbahn:orbit landefahre:lander fusee:rocket
  ouverture:open ouvert:open sommet:summit gipfel:summit incendie:fire feuer:fire verhandlung:talks
  pourparler:talks negociation:negotiations abkommen:agreement vereinbarung:agreement einigung:agreement
  sanktion:sanctions ataque:attack attacco:attack elecci:election elezion:election
  gobierno:government muerto:dead herido:injured ferito:injured terremoto:earthquake
  inundaci:flood alluvion:flood huelga:strike sciopero:strike acuerdo:agreement accordo:agreement
  juicio:trial condena:sentence carcel:prison puerto:port puente:bridge misil:missile incendio:fire
  lancement:launch allemagne:germany deutschland:germany niederland:netherlands
  neerlandais:dutch niederlandisch:dutch
  entlass:fired gefeuert:fired rauswurf:ousted abgesetzt:ousted limog:fired licenci:fired congedi:fired
  destitui:ousted destituy:ousted despid:fired licenzi:fired ernannt:named ernenn:appointed nomme:named
  nombrad:named nombrami:appointment interimist:interim interino:interim interina:interim embauch:hired
  contratad:hired ruckkehr:return zuruckgekehrt:returned zuruckkehr:return retour:return regreso:return
  regresa:return vuelve:return vuelta:return ritorn:return vorstand:board verwaltungsrat:board
  aufsichtsrat:board conseil:board consejo:board consiglio:board unternehm:company entreprise:company
  empresa:company compania:company mitarbeit:employees belegschaft:staff salarie:employees
  empleado:employees trabajador:employees dipendent:employees lettre:letter untersuch:investigation
  ermittl:investigation enquete:investigation investigaci:investigation indagin:investigation
  hilfsgut:aid hilfslieferung:aid konvoi:convoy convoi:convoy humanitar:humanitarian humanitair:humanitarian
  ayuda:aid einsturz:collapse eingesturzt:collapsed effondr:collapse derrumb:collapse festnahm:arrest
  festgenommen:arrested verhaft:arrest arrestation:arrest detenid:arrested trummer:rubble decombr:rubble
  escombro:rubble macerie:rubble ausnahmezustand:emergency notstand:emergency urgence:emergency
  emergencia:emergency staatstrauer:mourning deuil:mourning
  deprem:earthquake sarsınt:aftershock enkaz:rubble kurtarıl:rescued kurtarma:rescue yardım:aid
  olaganustu:emergency gozaltı:arrest tutuklan:arrested muteahhi:contractor yaralan:injured
  hayatını:killed cumhurbaskan:president
  recherche:search suchakt:search suche:search busqueda:search ricerche:search cadavre:body corps:body
  leiche:body cuerpo:body cadaver:body mineur:miner bergleut:miner bergmann:miner kumpel:miner minero:miner
  disparu:missing vermisst:missing desaparecid:missing rescatad:rescued rescate:rescue
  sauveteur:rescuers retten:rescue survivant:survivors uberlebend:survivors supervivient:survivors
  desalojad:evacuated desalojo:evacuation flammen:fire bombero:firefighters pompier:firefighters
  feuerwehr:firefighters tirotei:shooting fusillade:shooting schusse:shots schutze:gunman tireur:gunman
  sospechos:suspect verdachtig:suspect tatverdacht:suspect
  kaution:bail fianza:bail schuldig:guilty culpabl:guilty coupabl:guilty auslieferung:extradition
  extradici:extradition richterin:judge juez:judge jueza:judge anwalt:lawyer abogad:lawyer avocat:lawyer
  anhorung:hearing audiencia:hearing juzgado:court detuv:arrested flughafen:airport aeropuerto:airport
  aeroport:airport ehepaar:couple matrimonio:couple muerte:dead hallad:found encontrad:found
  gefunden:found retrouv:found localizad:found konig:king fluss:river riviere:river fleuve:river
  wahrung:currency moneda:currency haushalt:budget presupuesto:budget beschloss:approved aprobad:approved
  aprobo:approved approuv:approved angehoben:raised subida:raised subio:raised subier:raised besuch:visit
  rekord:record verlor:lost juramento:sworn serment:sworn dimision:resign dimiti:resign bestatig:confirmed
  estabiliz:stabilised votaci:vote abstimmung:vote
  sperrung:closed gesperrt:closed sperrte:closed fermetur:closure cerrad:closed chiusur:closure
  triebwerk:engine moteur:engine flugzeug:plane pasajer:passengers passagier:passengers
  passager:passengers entschadig:compensation indemnisat:compensation indemnizaci:compensation
  bussgeld:fine geldbuss:fine richtlinie:directive directiva:directive`;

/**
 * English news words that tell one action in several ways, by the one word they are compared as:
 * outlets telling one event say a chief was "fired", "ousted", "sacked" or "dismissed", and the
 * foreign roots above ("entlassen", "limogé", "abgesetzt") land on the same word. Whole words only
 * (inflections listed), so a word that merely begins like one is untouched. Only actions that name a
 * development rather than a story's subject: every account of a quake says people died, so a group
 * for deaths joins one story's different days; a "return" group looked good offline and lost pairs in
 * the store (measured: docs/decisions/news-synonyms.md). "Fired" is also what a gun does; a dismissal
 * and a shot in one story on one day would share it, as they already share the word "fired".
 */
const SYNONYMS = `
  fired: ousted ouster ousting ousts oust sacked sacking sacks dismissed dismissal dismisses dismissing
    terminated termination`;

/** Each synonym to the word its group is compared as. */
export const NEWS_SYNONYMS: ReadonlyMap<string, string> = new Map(
  SYNONYMS.split(/\n\s*(?=\w+:)/)
    .filter((group) => group.trim())
    .flatMap((group) => {
      const [head, words] = group.split(':') as [string, string];
      return words
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => [word, head.trim()] as [string, string]);
    }),
);

/** A foreign root's English word, as its synonym group compares it: "abgesetzt" and "fired" agree. */
const canonical = (word: string) => NEWS_SYNONYMS.get(word) ?? word;

/** "word:english" pairs written a line at a time, as the lists here are. */
const pairsOf = (list: string): Array<[string, string]> =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]);

/** A foreign key as the text is folded to read it, and its English word as its synonym group compares it. */
const inEnglish = ([key, english]: [string, string]): [string, string] => [
  withoutMarks(key),
  canonical(english),
];

export const FOREIGN_ROOTS: ReadonlyMap<string, string> = new Map(
  pairsOf(`${ROOTS}\n${CORE_ROOTS}`).map(inEnglish),
);

/**
 * Whole words only, never roots: short foreign words ("tué" must not turn "tuesday" into "killed"),
 * and the English synonym groups above.
 */
export const FOREIGN_WORDS: ReadonlyMap<string, string> = new Map<string, string>([
  ...NEWS_SYNONYMS,
  ...pairsOf(CORE_WORDS).map(inEnglish),
  ...(
    [
      ['appel', 'appeal'],
      ['appels', 'appeal'],
      ['banque', 'bank'],
      ['banques', 'bank'],
      ['fusion', 'merger'],
      ['blesse', 'injured'],
      ['blessee', 'injured'],
      ['blesses', 'injured'],
      ['blessees', 'injured'],
      ['governo', 'government'],
      ['governi', 'government'],
      ['evince', 'ousted'],
      ['evincee', 'ousted'],
      ['destitue', 'ousted'],
      ['destituee', 'ousted'],
      ['destitution', 'ousted'],
      ['tue', 'killed'],
      ['tues', 'killed'],
      ['tuee', 'killed'],
      ['tuees', 'killed'],
      ['mort', 'dead'],
      ['morts', 'dead'],
      ['tote', 'dead'],
      ['toten', 'dead'],
      ['proces', 'trial'],
      ['elu', 'elected'],
      ['elue', 'elected'],
      ['vols', 'flights'],
      ['flug', 'flight'],
      ['fluge', 'flights'],
      ['zug', 'train'],
      ['zuge', 'trains'],
      ['pont', 'bridge'],
      ['strom', 'power'],
      ['netz', 'grid'],
      ['mond', 'moon'],
      ['lune', 'moon'],
      ['siegt', 'wins'],
      ['sieger', 'winner'],
      ['tour', 'round'],
      ['morti', 'dead'],
      ['feriti', 'injured'],
      ['ponte', 'bridge'],
      ['porto', 'port'],
      ['dron', 'drone'],
      ['tod', 'dead'],
      ['tot', 'dead'],
      ['rey', 'king'],
      ['roi', 'king'],
      ['juro', 'sworn'],
      ['juge', 'judge'],
      ['zins', 'rate'],
      ['zinsen', 'rate'],
      ['ferme', 'closed'],
      ['fermee', 'closed'],
      ['fermes', 'closed'],
      ['fermees', 'closed'],
      ['cierre', 'closed'],
      ['chiuso', 'closed'],
      ['chiusa', 'closed'],
      ['motores', 'engines'],
      ['motori', 'engines'],
      ['avion', 'plane'],
      ['avions', 'plane'],
      ['amende', 'fine'],
      ['amendes', 'fine'],
      ['multa', 'fine'],
    ] as Array<[string, string]>
  ).map(([word, english]): [string, string] => [word, canonical(english)]),
]);
