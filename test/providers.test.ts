import { expect } from '@open-wc/testing';
import { detectProvider, providerLabel, providerNames, reservedHeight, withUtm, type ProviderName } from '../src/book-call-cta/providers.js';
import { embedUrl, messageOrigin, readMessage, readyAnswer } from '../src/book-call-cta/scheduler.js';

// Message shapes as the providers send them. Sources (docs/decisions.md has the full list):
// - Calendly page_height: react-calendly@4.4.0 dist/typings/components/hooks/useCalendlyEventListener.d.ts
//   (`payload: { height: string }`, "@example 1200px"); Calendly's widget.js assigns it to style.height.
// - Calendly event_scheduled: developer.calendly.com/api-docs/overview/embedding/notifying-the-parent-window
// - Cal.com: calcom/cal.com packages/embeds/embed-core/src/embed-iframe.ts @ 03670679c00d600615e8df2bc64545bd51c61646
//   (messageParent posts `{ originator: "CAL", ...detail }`) and src/sdk-action-manager.ts
//   @ 03bd4d17594785dd9a794da7e3d422c536626c2b (detail = { type, namespace, fullType, data }, fullType
//   `CAL::<type>` for the namespace '' that `embed=` gives; EventDataMap for each data shape).
const calendlyHeight = { event: 'calendly.page_height', payload: { height: '1200px' } };
const calendlyScheduled = {
  event: 'calendly.event_scheduled',
  payload: {
    event: { uri: 'https://api.calendly.com/scheduled_events/ABCDABCDABCDABCD' },
    invitee: { uri: 'https://api.calendly.com/scheduled_events/ABCDABCDABCDABCD/invitees/ABCDABCDABCDABCD' },
  },
};
const calendlyOthers = ['calendly.profile_page_viewed', 'calendly.event_type_viewed', 'calendly.date_and_time_selected'];

const cal = (type: string, data: unknown) => ({ originator: 'CAL', type, namespace: '', fullType: `CAL::${type}`, data });
const calHeight = cal('__dimensionChanged', { iframeHeight: 734, iframeWidth: 1024, isFirstTime: true });
const booking = {
  title: '30 Min Meeting between Jane Doe and Ana Reader',
  startTime: '2026-12-01T09:00:00.000Z',
  endTime: '2026-12-01T09:30:00.000Z',
  eventTypeId: 1234,
  status: 'ACCEPTED',
  paymentRequired: false,
  isRecurring: false,
};
const calScheduledV2 = cal('bookingSuccessfulV2', { uid: 'abc123', ...booking });
const calScheduled = cal('bookingSuccessful', {
  booking: { uid: 'abc123', title: booking.title },
  eventType: { id: 1234, slug: '30min' },
  date: '2026-12-01T09:00:00.000Z',
  duration: 30,
  organizer: { name: 'Jane Doe', email: 'jane@example.org', timeZone: 'Europe/Berlin' },
  confirmed: true,
});
const calIframeReady = cal('__iframeReady', { isPrerendering: false });
const calOthers = [
  cal('linkReady', {}),
  cal('__windowLoadComplete', {}),
  cal('__routeChanged', {}),
  cal('eventTypeSelected', { eventType: { id: 1 } }),
  cal('rescheduleBookingSuccessfulV2', { uid: 'abc123', ...booking }),
  cal('dryRunBookingSuccessfulV2', booking),
  cal('bookingCancelled', { booking: {}, organizer: { name: 'Jane Doe', email: 'jane@example.org' }, eventType: {} }),
];

const withHeight = (h: unknown) => ({ event: 'calendly.page_height', payload: { height: h } });
const withIframeHeight = (h: unknown) => cal('__dimensionChanged', { iframeHeight: h, iframeWidth: 1024, isFirstTime: false });

describe('providers', () => {
  it('names every provider the attribute accepts, link last', () => {
    expect(providerNames).to.deep.equal(['calendly', 'cal', 'tidycal', 'acuity', 'link']);
  });

  it('detectProvider: tells each provider by the booking URL hostname', () => {
    const cases: [string, ProviderName][] = [
      ['https://calendly.com/jane-doe/30min', 'calendly'],
      ['https://cal.com/jane/discovery', 'cal'],
      ['https://app.cal.com/jane/discovery', 'cal'],
      ['https://cal.eu/jane/discovery', 'cal'],
      ['https://app.cal.eu/jane/discovery', 'cal'],
      ['https://acme.cal.com/jane', 'cal'],
      ['https://tidycal.com/janedoe/30-minute-meeting', 'tidycal'],
      ['https://app.acuityscheduling.com/schedule.php?owner=12345678', 'acuity'],
      ['https://janedoe.as.me/', 'acuity'],
      ['https://janedoe.acuityscheduling.com/', 'acuity'],
      // Self-hosted Cal.com cannot be told from its name: only provider="cal" says so.
      ['https://cal.example.org/jane', 'link'],
      ['https://calendly.com.evil.example/jane', 'link'],
      ['https://notcalendly.com/jane', 'link'],
      ['https://www.calendly.com/jane', 'link'],
      ['https://mycal.com/jane', 'link'],
      ['https://cal.co/jane', 'link'],
      ['https://tidycal.co/jane', 'link'],
      ['https://as.me/jane', 'link'],
      ['https://acuityscheduling.com.evil.example/', 'link'],
      ['https://example.org/book?next=https://calendly.com/jane', 'link'],
      ['http://localhost:8000/scheduler/', 'link'],
    ];
    for (const [url, provider] of cases) expect(detectProvider(url), url).to.equal(provider);
  });

  it('providerLabel: the provider in plain words, the hostname for a plain link', () => {
    expect(providerLabel('calendly', 'https://calendly.com/jane')).to.equal('Calendly');
    expect(providerLabel('cal', 'https://cal.example.org/jane')).to.equal('Cal.com');
    expect(providerLabel('tidycal', 'https://tidycal.com/jane')).to.equal('TidyCal');
    expect(providerLabel('acuity', 'https://jane.as.me/')).to.equal('Acuity Scheduling');
    expect(providerLabel('link', 'https://booking.example.org/jane?x=1')).to.equal('booking.example.org');
  });

  it('withUtm: sets the non-empty values and keeps everything else', () => {
    expect(withUtm('https://calendly.com/jane/30min', { source: 'blog', medium: 'cta', campaign: 'holistic-therapy' })).to.equal(
      'https://calendly.com/jane/30min?utm_source=blog&utm_medium=cta&utm_campaign=holistic-therapy',
    );
    expect(withUtm('https://calendly.com/jane/30min?month=2026-12#top', { medium: 'cta' })).to.equal(
      'https://calendly.com/jane/30min?month=2026-12&utm_medium=cta#top',
    );
    expect(withUtm('https://calendly.com/jane?utm_source=old', { source: 'blog' })).to.equal('https://calendly.com/jane?utm_source=blog');
    expect(withUtm('https://calendly.com/jane', { source: '', medium: null, campaign: '   ' })).to.equal('https://calendly.com/jane');
    expect(withUtm('https://calendly.com/jane', {})).to.equal('https://calendly.com/jane');
    expect(withUtm('https://calendly.com/jane', { source: ' Our blog & more ' })).to.equal(
      'https://calendly.com/jane?utm_source=Our+blog+%26+more',
    );
  });

  it('embedUrl: Calendly gets embed_domain and the embed_type its widget.js sends', () => {
    const url = withUtm('https://calendly.com/jane-doe/30min', { source: 'blog' });
    expect(embedUrl('calendly', url, 'www.example.org', 'inline')).to.equal(
      'https://calendly.com/jane-doe/30min?utm_source=blog&embed_domain=www.example.org&embed_type=Inline',
    );
    expect(embedUrl('calendly', url, 'localhost:8000', 'popup')).to.equal(
      'https://calendly.com/jane-doe/30min?utm_source=blog&embed_domain=localhost%3A8000&embed_type=PopupText',
    );
  });

  it("embedUrl: Cal.com loads the app host's /embed page with embed and embedType", () => {
    expect(embedUrl('cal', 'https://cal.com/jane/discovery', 'www.example.org', 'inline')).to.equal(
      'https://app.cal.com/jane/discovery/embed?embed=&embedType=inline',
    );
    expect(embedUrl('cal', 'https://cal.com/jane/discovery?utm_source=blog', 'www.example.org', 'popup')).to.equal(
      'https://app.cal.com/jane/discovery/embed?utm_source=blog&embed=&embedType=modal',
    );
    expect(embedUrl('cal', 'https://cal.eu/jane/discovery/', 'x', 'inline')).to.equal(
      'https://app.cal.eu/jane/discovery/embed?embed=&embedType=inline',
    );
    expect(embedUrl('cal', 'https://app.cal.com/team/acme/intro/embed', 'x', 'inline')).to.equal(
      'https://app.cal.com/team/acme/intro/embed?embed=&embedType=inline',
    );
    expect(embedUrl('cal', 'https://acme.cal.com/jane', 'x', 'inline')).to.equal(
      'https://acme.cal.com/jane/embed?embed=&embedType=inline',
    );
    // A slug that merely ends in "embed" is not the embed page.
    expect(embedUrl('cal', 'https://cal.com/jane/myembed', 'x', 'inline')).to.equal(
      'https://app.cal.com/jane/myembed/embed?embed=&embedType=inline',
    );
    // Self-hosted: the host stays as it is.
    expect(embedUrl('cal', 'https://cal.example.org/jane', 'x', 'popup')).to.equal(
      'https://cal.example.org/jane/embed?embed=&embedType=modal',
    );
  });

  it('embedUrl: Acuity gets the ref of its embed snippet; TidyCal and plain links stay as they are', () => {
    expect(embedUrl('acuity', 'https://app.acuityscheduling.com/schedule.php?owner=12345678', 'x', 'inline')).to.equal(
      'https://app.acuityscheduling.com/schedule.php?owner=12345678&ref=embedded_csp',
    );
    expect(embedUrl('acuity', 'https://janedoe.as.me/?utm_source=blog', 'x', 'popup')).to.equal(
      'https://janedoe.as.me/?utm_source=blog&ref=embedded_csp',
    );
    expect(embedUrl('tidycal', 'https://tidycal.com/janedoe/30-minute-meeting?utm_source=blog', 'x', 'inline')).to.equal(
      'https://tidycal.com/janedoe/30-minute-meeting?utm_source=blog',
    );
    expect(embedUrl('link', 'https://booking.example.org/jane?utm_source=blog', 'x', 'popup')).to.equal(
      'https://booking.example.org/jane?utm_source=blog',
    );
  });

  it('messageOrigin: the origin of the page the frame loads', () => {
    expect(messageOrigin('calendly', 'https://calendly.com/jane/30min?utm_source=blog')).to.equal('https://calendly.com');
    expect(messageOrigin('cal', 'https://cal.com/jane/discovery')).to.equal('https://app.cal.com');
    expect(messageOrigin('cal', 'https://cal.eu/jane/discovery')).to.equal('https://app.cal.eu');
    expect(messageOrigin('cal', 'https://acme.cal.com/jane')).to.equal('https://acme.cal.com');
    expect(messageOrigin('cal', 'https://cal.example.org:8443/jane')).to.equal('https://cal.example.org:8443');
    expect(messageOrigin('tidycal', 'https://tidycal.com/janedoe/30')).to.equal('https://tidycal.com');
    expect(messageOrigin('acuity', 'https://app.acuityscheduling.com/schedule.php?owner=1')).to.equal('https://app.acuityscheduling.com');
    expect(messageOrigin('acuity', 'https://janedoe.as.me/')).to.equal('https://janedoe.as.me');
    expect(messageOrigin('link', 'http://localhost:8000/scheduler/')).to.equal('http://localhost:8000');
  });

  it('reservedHeight: the height of each provider snippet', () => {
    expect(providerNames.map(reservedHeight)).to.deep.equal([630, 450, 630, 800, 0]);
  });

  it("readMessage: Calendly's height and scheduled messages", () => {
    expect(readMessage('calendly', calendlyHeight)).to.deep.equal({ height: 1200 });
    expect(readMessage('calendly', withHeight('734.5px'))).to.deep.equal({ height: 734.5 });
    // Nothing of the invitee leaves the payload.
    expect(readMessage('calendly', calendlyScheduled)).to.deep.equal({ scheduled: true });
    for (const event of calendlyOthers) expect(readMessage('calendly', { event, payload: {} }), event).to.equal(null);
  });

  it("readMessage: Cal.com's dimension and booking messages", () => {
    expect(readMessage('cal', calHeight)).to.deep.equal({ height: 734 });
    expect(readMessage('cal', withIframeHeight(612.25))).to.deep.equal({ height: 612.25 });
    expect(readMessage('cal', calScheduledV2)).to.deep.equal({ scheduled: true });
    expect(readMessage('cal', calScheduled)).to.deep.equal({ scheduled: true });
    for (const message of calOthers) expect(readMessage('cal', message), message.type).to.equal(null);
  });

  it('readMessage: one provider never accepts the shape of another', () => {
    for (const message of [calHeight, calScheduledV2, calScheduled]) expect(readMessage('calendly', message)).to.equal(null);
    for (const message of [calendlyHeight, calendlyScheduled]) expect(readMessage('cal', message)).to.equal(null);
    for (const name of ['tidycal', 'acuity', 'link'] as const) {
      for (const message of [calendlyHeight, calendlyScheduled, calHeight, calScheduledV2, calScheduled]) {
        expect(readMessage(name, message), name).to.equal(null);
      }
    }
  });

  it('readMessage: Calendly heights are "<digits>px" strings, sane, and nothing else', () => {
    for (const h of [
      '1200',
      '1200 px',
      ' 1200px',
      '1200px ',
      '1200px;',
      '1200PX',
      '1200em',
      '+1200px',
      '-5px',
      '0px',
      '0.0px',
      '1e3px',
      '1e9px',
      'NaNpx',
      'Infinitypx',
      '.5px',
      '100000px',
      '99999999999999999999px',
      '',
      1200,
      { toString: () => '1200px' },
      ['1200px'],
      null,
      undefined,
    ]) {
      expect(readMessage('calendly', withHeight(h)), String(h)).to.equal(null);
    }
    expect(readMessage('calendly', withHeight('99999px'))).to.deep.equal({ height: 99999 });
  });

  it('readMessage: Cal.com heights are finite positive numbers, sane, and nothing else', () => {
    for (const h of [0, -0, -1, NaN, Infinity, -Infinity, 1e5, 1e9, Number.MAX_VALUE, '734', '734px', null, undefined, {}, [734]]) {
      expect(readMessage('cal', withIframeHeight(h)), String(h)).to.equal(null);
    }
    expect(readMessage('cal', withIframeHeight({ valueOf: () => 734 }))).to.equal(null);
  });

  it('readMessage: the right name in the wrong envelope is not a message', () => {
    const bad: [ProviderName, unknown][] = [
      ['calendly', { event: 'calendly.page_height', payload: '1200px' }],
      ['calendly', { event: 'calendly.page_height', height: '1200px' }],
      ['calendly', { event: 'calendly.event_scheduled' }],
      ['calendly', { event: 'calendly.event_scheduled', payload: null }],
      ['calendly', { event: 'Calendly.event_scheduled', payload: {} }],
      ['calendly', { event: 'calendly.event_scheduled ', payload: {} }],
      ['calendly', { event: 'calendly.event_scheduledX', payload: {} }],
      ['calendly', { event: 'xcalendly.event_scheduled', payload: {} }],
      ['calendly', { event: 'calendly.event_scheduled\n', payload: {} }],
      ['calendly', { event: { toString: () => 'calendly.event_scheduled' }, payload: {} }],
      ['calendly', { type: 'calendly.event_scheduled', payload: {} }],
      ['calendly', JSON.stringify(calendlyScheduled)],
      ['cal', { ...calScheduledV2, originator: 'cal' }],
      ['cal', { ...calScheduledV2, originator: undefined }],
      ['cal', { ...calHeight, originator: ['CAL'] }],
      ['cal', { type: 'bookingSuccessfulV2', fullType: 'CAL::bookingSuccessfulV2', data: {} }],
      ['cal', { ...calScheduledV2, fullType: 'CAL:other:bookingSuccessfulV2' }],
      ['cal', { ...calScheduledV2, fullType: 'bookingSuccessfulV2' }],
      ['cal', { ...calScheduledV2, fullType: 'CAL::BookingSuccessfulV2' }],
      ['cal', { ...calScheduledV2, fullType: 'CAL::bookingSuccessfulV3' }],
      ['cal', { ...calScheduledV2, fullType: undefined }],
      ['cal', { ...calScheduledV2, data: undefined }],
      ['cal', { ...calScheduledV2, data: 'booked' }],
      ['cal', { ...calHeight, data: null }],
      ['cal', { ...calHeight, data: { height: 734 } }],
      ['cal', { originator: 'CAL', fullType: 'CAL::__dimensionChanged', iframeHeight: 734, data: {} }],
      ['cal', JSON.stringify(calScheduledV2)],
    ];
    for (const [name, data] of bad) expect(readMessage(name, data), JSON.stringify(data)).to.equal(null);
  });

  it('readMessage: reads what postMessage delivers, a structured clone, and nothing inherited', () => {
    // A message's data is a structured clone: own data properties only, a plain prototype.
    expect(readMessage('calendly', structuredClone(Object.create(calendlyScheduled)))).to.equal(null);
    expect(readMessage('cal', structuredClone(Object.create(calScheduledV2)))).to.equal(null);
    expect(readMessage('cal', structuredClone({ ...calHeight, data: Object.create({ iframeHeight: 734 }) }))).to.equal(null);
    expect(readMessage('calendly', structuredClone(calendlyScheduled))).to.deep.equal({ scheduled: true });
    expect(readMessage('cal', structuredClone(calHeight))).to.deep.equal({ height: 734 });
  });

  it('readMessage: anything that is not an object is nothing', () => {
    for (const data of [null, undefined, '', 'calendly.event_scheduled', 'sizing:800', 0, 1200, NaN, true, Symbol('x'), [], () => 1]) {
      for (const name of providerNames) expect(readMessage(name, data), `${name} ${String(data)}`).to.equal(null);
    }
  });

  it("readMessage: Cal.com's frame says __iframeReady, and is answered parentKnowsIframeReady", () => {
    // The answer Cal.com's embed.js posts (@calcom/embed-core@1.5.3 dist/embed/embed.js: on
    // "__iframeReady", doInIframe({method: "parentKnowsIframeReady"}) posts {originator: "CAL", method, arg}).
    expect(readyAnswer).to.deep.equal({ originator: 'CAL', method: 'parentKnowsIframeReady' });
    expect(readMessage('cal', calIframeReady)).to.deep.equal({ ready: true });
    expect(readMessage('cal', cal('__iframeReady', {}))).to.deep.equal({ ready: true });
    expect(readMessage('cal', { ...calIframeReady, originator: 'cal' })).to.equal(null);
    expect(readMessage('cal', { ...calIframeReady, fullType: 'CAL:ns:__iframeReady' })).to.equal(null);
    expect(readMessage('cal', JSON.stringify(calIframeReady))).to.equal(null);
    for (const name of ['calendly', 'tidycal', 'acuity', 'link'] as const) {
      expect(readMessage(name, calIframeReady), name).to.equal(null);
      expect(readMessage(name, { event: 'CAL::__iframeReady', payload: {} }), name).to.equal(null);
    }
    expect(readMessage('calendly', { event: 'CAL::bookingSuccessfulV2', payload: {} })).to.equal(null);
  });
});
