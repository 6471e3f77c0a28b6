/**
 * A core vocabulary of what news says happened, in German, French, Spanish, Italian and Portuguese,
 * each word or root with the one English word it is compared as: disasters and accidents, crime and
 * the courts, politics, companies and markets, outages and attacks on systems, health, what
 * officials do ("suspend", "reopen", "order") and say they did ("announced", "denied", "signed"), the
 * people a story counts (residents, witnesses, shareholders), what befalls them (fled, trapped) and
 * the buildings and weather it names (homes, school, warehouse; smoke, rain). Written from general
 * news usage for no story in particular; the other lists in lexicon.ts grew from the stories read.
 * Words that mostly mean "said" ("erklärte", "dichiarato") are mapped to it, and so dropped as it is.
 * Not a storm's or a market's own words ("Unwetter", "tempête", "Aktie", "bolsa"): every account
 * of such a story says them, and they joined its different days
 * (docs/decisions/cross-language-lexicon.md). Roots are five letters or more and begin no common
 * English word, nor an unrelated common word of the five languages (each was checked against those
 * languages' word lists); a short or ambiguous word is listed whole, with its inflections.
 */
export const CORE_ROOTS = `
  kenter:capsize gekentert:capsize gesunken:sink untergegangen:sink schiffbruch:wreck wrackteil:debris
  unfall:accident zugungluck:accident schiffsungluck:accident grubenungluck:accident
  vulkanausbruch:erupt ausbruch:outbreak asche:ash absturz:crash abgesturzt:crash entgleis:derail
  erdrutsch:landslide lawine:avalanche waldbrand:wildfire buschfeuer:wildfire abgebrannt:burned
  niedergebrannt:burned verbrann:burned notunterkunft:shelter leichnam:body todesopfer:dead
  ertrunk:drowned ertrank:drowned ertrink:drowned sturzflut:flood
  umgebracht:killed zerstor:destroyed angeschossen:shot schiesserei:shooting messerangriff:stabbed
  messerstich:stabbed erstochen:stabbed niedergestochen:stabbed ermord:murder totschlag:manslaughter
  inhaftier:arrest gewahrsam:arrest angeklagt:charged beschuldig:accused vorwurf:accused
  vorgeworfen:accused schuldspruch:guilty freispruch:acquitted freigesprochen:acquitted
  freigelass:released freilass:released untersuchungshaft:remand durchsuchung:raid beschlagnahm:seized
  entfuhr:kidnap geisel:hostage klage:lawsuit verklag:lawsuit geklagt:lawsuit beschwerde:complaint
  strafanzeige:complaint geldstrafe:fine einspruch:appeal zuruckgetreten:resign umfrage:poll
  stimmzettel:ballot misstrauen:confidence auflosung:dissolve aufgelost:dissolve
  ubergangsregierung:caretaker kommissarisch:acting kabinett:cabinet dekret:decree
  volksabstimmung:referendum volksentscheid:referendum kampagne:campaign boykott:boycott
  friedensvertrag:treaty pleite:bankruptcy bankrott:bankruptcy rettungspaket:bailout
  kurssturz:plunge verlust:loss stellenabbau:layoffs einlagen:deposits
  abhebung:withdraw ruckruf:recall stilllegung:shutdown abschaltung:shutdown abgeschaltet:shutdown
  ausfall:outage ausgefallen:outage cyberangriff:cyberattack hackerangriff:cyberattack datenleck:leak
  datenpanne:breach entschuldig:apology ruckerstatt:refund abgesagt:cancelled absage:cancelled
  verspat:delay verzoger:delay flugverbot:grounded infizier:infection infektion:infection
  ansteckung:infection impfstoff:vaccine geimpft:vaccine krankenhaus:hospital klinik:hospital
  genehmig:approved gebilligt:approved zugestimmt:approved zustimmung:approved verbot:ban verbiet:ban
  untersagt:ban aufgehoben:lift aufhebung:lift wiedereroffn:reopen wiederherstell:restored
  wiederhergestellt:restored verschoben:postponed verschieb:postponed gewarnt:warning
  angeordnet:ordered anordnung:ordered
  chavir:capsize naufrag:wreck epave:wreck ecroul:collapse inond:flood eboul:landslide brule:burned
  rescap:survivors cendres:ash secouriste:rescue noyad:drowned meurtr:murder poignard:stabbed
  otage:hostage enlevement:kidnap ravisseur:kidnap perquisition:raid libere:released plainte:complaint
  sondage:poll ordonnanc:decree faillite:bankruptcy renflou:bailout rachat:takeover
  degringol:plunge garanti:guarantee defaillan:failure piratage:hacked rancongiciel:ransomware
  rembours:refund hopital:hospital reouvert:reopen rouvr:reopen rouvert:reopen retabli:restored
  ajourn:postponed ordonn:ordered bateau:boat embarcation:boat
  interdit:ban
  descarril:derail colaps:collapse inundad:flood desbord:flood deslizamiento:landslide
  deslave:landslide ceniza:ash erupci:erupt quema:burned hundimient:sink hundid:sink
  damnificad:victims sobreviv:survivors fallec:dead asesin:murder homicidi:murder ahoga:drowned
  rehen:hostage secuestr:kidnap apunal:stabbed acuchill:stabbed tiroteo:shooting disparo:shots
  capturad:arrest acusa:accused imputad:charged absuelt:acquitted absoluci:acquitted prision:prison
  liberad:released liberaci:released excarcel:released allanamient:raid incautad:seized
  incautaci:seized fiscalia:prosecutor querella:complaint apelac:appeal designad:appointed
  elegid:elected encuesta:poll papeleta:ballot confianz:confidence disol:dissolve gabinete:cabinet
  manifestac:protest boicot:boycott cumbre:summit quiebra:bankruptcy bancarrot:bankruptcy
  adquisici:takeover adquiri:takeover desplom:plunge perdida:loss gananci:profit
  retirada:withdraw apagon:blackout ciberata:cyberattack filtraci:leak disculp:apology reembols:refund
  anulac:cancelled anulad:cancelled retras:delay pacient:patients vacuna:vaccine lanzamient:launch
  aterriz:landing aluniz:landing aprobaci:approved aprueb:approved rechaz:rejected prohibid:ban
  prohibici:ban reabr:reopen reabiert:reopen reapertur:reopen restablec:restored aplaza:postponed
  pospuest:postponed posterg:postponed
  sismo:earthquake transbordador:ferry embarcaci:boat buque:ship
  capovolt:capsize ribaltat:capsize affonda:sink croll:collapse allaga:flood frana:landslide
  valang:avalanche eruzion:erupt cenere:ash esplos:explode brucia:burned sfolla:evacuate soccor:rescue
  salvatagg:rescue sopravviss:survivors scompars:missing cadavere:body vittim:victims uccis:killed
  omicid:murder annega:drowned ostagg:hostage rapiment:kidnap accoltell:stabbed sparat:shooting
  sospett:suspect condann:sentence colpevol:guilty assolt:acquitted assoluz:acquitted carcere:prison
  detenut:prison scarcerat:released cauzion:bail querela:complaint perquisizion:raid
  inchiest:investigation giudic:judge dimission:resign dimett:resign votazion:vote sondagg:poll
  ballottagg:runoff scioglim:dissolve giurament:sworn ordinanz:decree manifestazion:protest
  corteo:protest boicott:boycott falliment:bankruptcy bancarott:bankruptcy acquisizion:takeover
  garanzi:guarantee ritir:withdraw indennizz:compensation risarciment:compensation
  rimbors:refund ritard:delay focolai:outbreak infezion:infection infett:infection ospedal:hospital
  pazient:patients atterragg:landing allunagg:landing approvat:approved approvazion:approved
  respint:rejected bocciat:rejected vietat:ban diviet:ban riaper:reopen ripristin:restored
  rinviat:postponed posticipat:postponed avvert:warning
  traghett:ferry imbarcazion:boat sanzion:sanctions
  afunda:sink emborc:capsize desabam:collapse inundac:flood alaga:flood enchente:flood
  deslizament:landslide queim:burned vitima:victims morre:dead assassinad:murder afoga:drowned
  destroc:debris resgat:rescue esfaque:stabbed suspeit:suspect detid:arrest indiciad:charged
  culpad:guilty absolvid:acquitted inquerit:investigation investigac:investigation queixa:complaint
  testemunh:testimony demitid:fired exonerad:fired nomeac:appointed eleitor:election votac:vote
  coligac:coalition confianc:confidence orcament:budget paralisac:strike falenci:bankruptcy
  aquisic:takeover despenc:plunge prejuizo:loss lucro:profit fechad:closed fechament:closed
  falha:failure cibernet:cyberattack vazament:leak desculp:apology indenizac:compensation
  atrasad:delay adiad:postponed adiament:postponed passageir:passengers vacina:vaccine
  aterriss:landing lancament:launch aprova:approved rejeit:rejected proib:ban reabert:reopen
  restabelec:restored bombeiro:firefighters embarcac:boat
  dimess:resign demitiu:resign
  angekundig:announced ankundig:announced bekanntgegeben:announced erklart:said dementier:denied
  bestritt:denied enthullt:revealed vorgeschlag:proposed geeinigt:agreed unterzeichn:signed
  unterschrieb:signed ausgeweitet:expanded verlangert:extended verhangt:imposed zuruckgezogen:withdrawn
  wiederaufgenommen:resumed einwohner:residents anwohner:residents bewohner:residents arbeiter:workers
  grossaktionar:shareholders zeuge:witnesses angehorig:relatives geflohen:fled fluchtet:fled
  gestrandet:stranded eingeschlossen:trapped verschuttet:trapped angesteckt:infected
  wohnhaus:homes schule:school fabrik:factory lagerhalle:warehouse blitzschlag:lightning rauch:smoke
  hitze:heat starkregen:rain annonc:announced devoil:revealed elargi:expanded ouvrier:workers
  travailleur:workers temoin:witnesses famille:families logement:homes ecole:school usine:factory
  entrepot:warehouse magasin:shop foudre:lightning fumee:smoke pluie:rain anunci:announced
  desminti:denied propuesta:proposal reanud:resumed prorrog:extended ampliad:expanded alerta:alert
  testigo:witnesses accionista:shareholders obrero:workers turist:tourists atrapad:trapped
  infectad:infected viviend:homes escuela:school almacen:warehouse lluvia:rain annunci:announced
  dichiar:said confermat:confirmed smentit:denied rivel:revealed propost:proposal ampliat:expanded
  ripres:resumed abitant:residents lavorator:workers clienti:customers azionist:shareholders
  famigli:families fuggit:fled contagiat:infected abitazion:homes scuol:school fabbric:factory
  magazzin:warehouse pioggia:rain desment:denied assinad:signed retomad:resumed morador:residents
  trabalhador:workers moradia:homes fumaca:smoke chuva:rain`;

/** Whole words of the core vocabulary: exact matches only. */
export const CORE_WORDS = `
  sank:sink sinkt:sink wrack:wreck flut:flood fluten:flood brennt:burned brannte:burned
  brannten:burned starb:dead starben:dead mord:murder morde:murder mordes:murder morder:murder
  mordern:murder haft:prison richter:judge warnt:warning warnte:warning warnten:warning
  schliesst:closed leck:leak lecks:leak fahre:ferry faehre:ferry boote:boat billigt:approved
  ermitteln:investigation ermittelt:investigation ermittelte:investigation ermittelten:investigation
  ausgesetzt:suspended impfung:vaccine impfungen:vaccine geschlossen:closed geschlossene:closed
  geschlossenen:closed schliessung:closed schliessungen:closed warnung:warning warnungen:warning
  gestorben:dead erschossen:shot erschossene:shot erschossenen:shot razzia:raid razzien:raid
  panne:failure pannen:failure
  coule:sink coulee:sink coulees:sink coules:sink couler:sink coulent:sink noye:drowned noyee:drowned
  noyes:drowned noyees:drowned sauve:rescue sauvee:rescue sauves:rescue sauvees:rescue deces:dead
  decede:dead decedee:dead decedes:dead decedees:dead bilan:toll bilans:toll abri:shelter
  abris:shelter assassinat:murder assassine:murder assassinee:murder assassines:murder
  interpelle:arrest interpellee:arrest interpelles:arrest interpellees:arrest ecroue:prison
  ecrouee:prison ecroues:prison detenu:arrest detenus:arrest saisie:seized saisies:seized
  enleve:kidnap enlevee:kidnap enleves:kidnap urne:ballot urnes:ballot perte:loss
  pertes:loss retarde:delay retardee:delay retardes:delay retardees:delay interdire:ban
  hopitaux:hospital cendre:ash retrait:withdraw retraits:withdraw razzias:raid pannes:failure
  zozobro:capsize zozobraron:capsize volco:capsize volcaron:capsize hundio:sink hundieron:sink
  estrello:crash estrellaron:crash alud:avalanche aludes:avalanche murio:dead murieron:dead
  mataron:killed brote:outbreak brotes:outbreak multas:fine multado:fine multada:fine advierte:warning
  advirtio:warning advertencia:warning advertencias:warning ordeno:ordered ordenaron:ordered
  prohibe:ban cerraron:closed renuncia:resign renuncio:resign renunciar:resign renunciaron:resign
  cesado:fired cesada:fired falla:failure denuncia:complaint denuncias:complaint denuncio:complaint
  redada:raid redadas:raid averia:failure averias:failure tregua:truce treguas:truce voto:vote
  votos:vote urnas:ballot tren:train trenes:train barco:boat barcos:boat
  morto:dead morta:dead morte:dead deceduto:dead deceduta:dead deceduti:dead decedute:dead corpo:body
  corpi:body salma:body salme:body dispersi:missing disperso:missing superstiti:survivors
  detriti:debris rogo:fire roghi:fire salvato:rescue salvata:rescue salvati:rescue spari:shots
  assassinato:murder assassinata:murder imputato:charged imputata:charged imputati:charged
  liberato:released liberata:released liberati:released sequestrato:seized sequestrata:seized
  sequestrati:seized rapito:kidnap rapita:kidnap rapiti:kidnap cautelare:remand procuratore:prosecutor
  procuratori:prosecutor multe:fine multato:fine multata:fine eletto:elected eletta:elected
  eletti:elected elette:elected rieletto:elected nominato:appointed nominata:appointed
  nominati:appointed voti:vote denunce:complaint fiducia:confidence sfiducia:confidence
  sciolto:dissolve sciolta:dissolve vertice:summit vertici:summit manovra:budget cessate:ceasefire
  esuberi:layoffs tonfo:plunge perdita:loss perdite:loss scuse:apology
  guasto:failure guasti:failure avaria:failure lancio:launch atterrato:landing atterrata:landing
  rinvio:postponed chiusi:closed chiuse:closed sisma:earthquake treno:train treni:train aereo:plane
  aerei:plane
  capotou:capsize naufragou:wreck desabou:collapse desabar:collapse desabado:collapse
  desabada:collapse corpos:body mortos:dead mortas:dead denunciou:complaint mortes:dead obito:dead
  obitos:dead matou:killed mataram:killed assassinatos:murder refem:hostage refens:hostage
  sequestrado:kidnap sequestrada:kidnap sequestrados:kidnap sequestrou:kidnap presos:arrest
  prendeu:arrest prenderam:arrest prisao:prison prisoes:prison libertado:released libertada:released
  libertados:released libertou:released solto:released soltos:released soltou:released juiz:judge
  juiza:judge juizes:judge fianca:bail fiancas:bail
  nomeado:appointed nomeada:appointed nomeados:appointed nomeadas:appointed sancao:sanctions
  sancoes:sanctions renunciou:resign demissao:resign demissoes:layoffs exonerou:fired eleito:elected
  eleita:elected eleitos:elected reeleito:elected eleicao:election eleicoes:election votou:vote
  cupula:summit faliu:bankruptcy fusao:merger fusoes:merger apagao:blackout apagoes:blackout
  vazou:leak vazaram:leak atraso:delay atrasos:delay surto:outbreak surtos:outbreak adverte:warning
  advertiu:warning ordenou:ordered fechou:closed fecharam:closed aviao:plane avioes:plane trem:train
  trens:train balsa:ferry
  aktionar:shareholders aktionare:shareholders aktionaren:shareholders kunden:customers
  familie:families familien:families touristen:tourists flohen:fled hauser:homes hausern:homes
  reprend:resumed reprennent:resumed actionnaire:shareholders actionnaires:shareholders chaleur:heat
  chaleurs:heat dementi:denied revele:revealed revelee:revealed signe:signed signee:signed
  signent:signed prolonge:extended prolongee:extended alerte:alert habitant:residents
  habitants:residents touristes:tourists fuient:fled fuir:fled maisons:homes tienda:shop tiendas:shop
  declaro:said confirmo:confirmed confirmaron:confirmed nego:denied revelo:revealed
  propuso:proposed firmo:signed firmaron:signed firmado:signed impuso:imposed habitantes:residents
  vecinos:residents clientes:customers familias:families familiares:relatives huyeron:fled huyo:fled
  huir:fled casas:homes fabrica:factory humo:smoke calor:heat firmato:signed firmata:signed
  firmati:signed firmate:signed allerta:alert conferma:confirmed proroga:extended prorogato:extended
  residenti:residents operai:workers testimone:witnesses parenti:relatives negozio:shop negozi:shop
  fulmine:lightning fumo:smoke retomou:resumed retomaram:resumed acionista:shareholders
  acionistas:shareholders armazem:warehouse armazens:warehouse declarou:said confirmou:confirmed
  confirmaram:confirmed negou:denied revelou:revealed assinou:signed assinaram:signed ampliou:expanded
  familia:families fugiram:fled fugiu:fled escola:school escolas:school loja:shop lojas:shop`;
