/** Messages of the public open-data page, under `openData`. */
export const openDataEs = {
  title: 'Datos abiertos',
  intro:
    'Todo proceso publicado en Eslabón se publica también en el Estándar de Datos de Contrataciones Abiertas (OCDS 1.1), el formato de SECOP, Prozorro y Mercado Público: cualquiera puede descargar y verificar cuánto compra el Estado y a quién. Las ofertas solo aparecen después del cierre, nunca con su precio, y no se publican datos personales.',
  ocdsTitle: 'OCDS 1.1',
  prefix: 'Prefijo de ocid: {prefix}. Cada proceso es {prefix}-<id del proceso>.',
  releases: 'Paquete de entregas (releases), de la más antigua a la más reciente; pagina con links.next y filtra con since=<fecha ISO>.',
  record: 'Registro (record) de un proceso: todas sus entregas y su estado compilado.',
  bulk: 'Descarga masiva: todas las entregas en un solo paquete JSON.',
  apiTitle: 'API de lectura',
  tenders:
    'Procesos publicados con los filtros de la búsqueda (palabras, UNSPSC, departamento, modalidad, estado, presupuesto, fechas, reservas, apuesta productiva), con su ocid y sus lotes decididos.',
  awards:
    'Lotes decididos (adjudicados o desiertos), con filtros por fecha de decisión, departamento, modalidad, apuesta productiva y UNSPSC.',
  awardsCsv: 'Los mismos lotes decididos en CSV, para hojas de cálculo.',
  docs: 'Documentación OpenAPI de toda la API.',
  limitsTitle: 'Condiciones de uso',
  limits:
    'Sin registro. Hasta 120 consultas por minuto por dirección (6 descargas masivas y 20 CSV por hora); las respuestas pueden guardarse en caché 5 minutos. Una consulta de más recibe 429 con Retry-After.',
  latestTitle: 'Últimas decisiones',
  latestEmpty: 'Aún no hay procesos decididos.',
  tender: 'Proceso',
  lot: 'Lote',
  supplier: 'Adjudicatario',
  value: 'Valor',
  decided: 'Decidido',
  void: 'Desierto',
  failed: 'No fue posible cargar las últimas decisiones.',
};

type OpenDataMessages = typeof openDataEs;

export const openDataEn: OpenDataMessages = {
  title: 'Open data',
  intro:
    'Every process published on Eslabón is also published in the Open Contracting Data Standard (OCDS 1.1), the format of SECOP, Prozorro and Mercado Público: anyone can download and check how much the state buys and from whom. Bids appear only after closing, never with their price, and no personal data is published.',
  ocdsTitle: 'OCDS 1.1',
  prefix: 'ocid prefix: {prefix}. Each process is {prefix}-<process id>.',
  releases: 'Release package, oldest first; page with links.next and filter with since=<ISO date>.',
  record: 'Record of one process: all its releases and its compiled state.',
  bulk: 'Bulk download: every release in one JSON package.',
  apiTitle: 'Read API',
  tenders:
    'Published processes with the search filters (words, UNSPSC, department, modality, status, budget, dates, reservations, productive bet), with their ocid and decided lots.',
  awards: 'Decided lots (awarded or void), filtered by decision date, department, modality, productive bet and UNSPSC.',
  awardsCsv: 'The same decided lots as CSV, for spreadsheets.',
  docs: 'OpenAPI documentation of the whole API.',
  limitsTitle: 'Terms of use',
  limits:
    'No sign-up. Up to 120 requests a minute per address (6 bulk downloads and 20 CSV files an hour); responses may be cached for 5 minutes. A request over the limit gets 429 with Retry-After.',
  latestTitle: 'Latest decisions',
  latestEmpty: 'No process has been decided yet.',
  tender: 'Process',
  lot: 'Lot',
  supplier: 'Awarded to',
  value: 'Value',
  decided: 'Decided',
  void: 'Void',
  failed: 'The latest decisions could not be loaded.',
};
