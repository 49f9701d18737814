/** Spanish (Colombia): the primary language of the UI. Every other language mirrors these keys. */
export const esCO = {
  app: {
    name: 'Eslabón',
    tagline: 'Compras públicas para la industria nacional',
    skipToContent: 'Saltar al contenido principal',
    mainNav: 'Navegación principal',
    language: 'Idioma',
    footer: 'Eslabón es software libre para la compra pública y el desarrollo de proveedores en Colombia.',
    apiDocs: 'Documentación de la API',
  },
  nav: {
    home: 'Inicio',
    status: 'Estado del sistema',
  },
  landing: {
    title: 'Compras públicas que hacen crecer la industria nacional',
    lead: 'Eslabón conecta a las entidades y empresas del Estado con las mipymes, las unidades de economía popular, las cooperativas y las empresas de mujeres que pueden venderles. Cada peso de compra pública puede ser un eslabón de la reindustrialización de Colombia.',
    howItWorksCta: 'Cómo funciona',
    audiencesTitle: '¿Para quién es Eslabón?',
    buyersTitle: 'Entidades y empresas del Estado',
    buyersText:
      'Publican su plan de compras y sus procesos, dividen los grandes proyectos en lotes que la industria nacional puede suplir (desagregación tecnológica) y evalúan ofertas con las reglas de la ley.',
    suppliersTitle: 'Mipymes y economía popular',
    suppliersText:
      'Se registran en minutos, reciben avisos de los procesos que pueden atender, preguntan, presentan ofertas selladas y pueden demostrar qué presentaron y cuándo.',
    officersTitle: 'Oficiales de compras y veedores',
    officersText:
      'Consultan cuánto del gasto público llega a la industria nacional, a las mipymes y a la economía popular, por entidad, región y sector, con datos abiertos en el estándar OCDS.',
    howTitle: 'Cómo funciona',
    step1Title: 'Publicar la necesidad',
    step1Text: 'La entidad publica su necesidad en lotes clasificados con UNSPSC, con fechas en días hábiles colombianos.',
    step2Title: 'Encontrar proveedores',
    step2Text:
      'Los proveedores que pueden atender cada lote reciben aviso; las convocatorias limitadas a mipymes se señalan desde el inicio.',
    step3Title: 'Ofertar y evaluar',
    step3Text:
      'Las ofertas permanecen selladas hasta el cierre; el puntaje de industria nacional y los criterios de desempate se aplican como manda la ley.',
    step4Title: 'Rendir cuentas',
    step4Text: 'Cada cambio queda registrado y los resultados se publican como datos abiertos.',
    lawTitle: 'Marco normativo',
    lawIntro: 'Eslabón aplica las reglas de la compra pública colombiana y cita su fuente:',
    law1: 'Ley 2069 de 2020 y Decreto 1860 de 2021: convocatorias limitadas a mipymes y criterios de desempate.',
    law2: 'Ley 816 de 2003 y Decreto 680 de 2021: puntaje de apoyo a la industria nacional.',
    law3: 'Decreto 957 de 2019: clasificación de las empresas por tamaño según sus ingresos.',
    law4: 'CONPES 4129 de 2023: Política de Reindustrialización y compras públicas.',
  },
  status: {
    title: 'Estado del sistema',
    intro: 'Comprobación en vivo de los servicios de los que depende Eslabón.',
    refresh: 'Actualizar',
    loading: 'Comprobando…',
    unreachable: 'No fue posible contactar al servidor.',
    overall: 'Estado general',
    ok: 'Operativo',
    degraded: 'Con fallas parciales',
    error: 'Fuera de servicio',
    up: 'Disponible',
    down: 'No disponible',
    database: 'Base de datos',
    redis: 'Colas (Redis)',
    worker: 'Procesador de tareas',
    latency: 'Tiempo de respuesta: {ms} ms',
    lastHeartbeat: 'Último latido: {time}',
    never: 'Sin latidos todavía',
    checkedAt: 'Consultado: {time} (hora de Bogotá)',
  },
  notFound: {
    title: 'Página no encontrada',
    text: 'La dirección que buscas no existe o cambió.',
    back: 'Volver al inicio',
  },
};

export type Messages = typeof esCO;
