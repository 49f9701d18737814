import type { INestApplication } from '@nestjs/common';
import type { DocumentType, SupplierIdentity, SupplierLegalStanding } from '@eslabon/contracts';
import { Browser, TestAccount, createAccount, signedIn } from './accounts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

export interface SupplierOptions {
  /** A NIT with its DIAN check digit (RULES.md §9 lists some). */
  nit: string;
  checkDigit: string;
  /** Ordinary income of 2025 in manufacturing: COP 300 million is micro, 90 000 million large (Decreto 957). */
  incomeCop: string;
  constitutedOn?: string;
  /** UNSPSC classes of what it sells. */
  unspscClasses?: string[];
  /** Supporting documents to upload (one PDF each). */
  documents?: DocumentType[];
  /** Changes to the identity below (domicile Tunja, national coverage). */
  identity?: Partial<SupplierIdentity>;
}

export interface TestSupplier {
  account: TestAccount;
  browser: Browser;
  documentIds: string[];
}

/** A signed-in supplier admin whose profile has identity (by default domicile Tunja, national coverage) and legal standing. */
export async function supplierWithProfile(app: INestApplication, options: SupplierOptions): Promise<TestSupplier> {
  const account = await createAccount(app, 'supplier', 'supplier_admin');
  const browser = await signedIn(app, account);
  const base = `/api/v1/suppliers/${account.organizationId}`;
  const identity: SupplierIdentity = {
    personType: 'legal',
    legalName: `Proveedor ${options.nit} S.A.S.`,
    tradeName: null,
    nit: options.nit,
    checkDigit: options.checkDigit,
    legalRepresentative: 'Ana Pérez',
    contactEmail: `ventas${options.nit}@prueba.co`,
    contactPhone: '+57 310 555 0101',
    domicileMunicipality: '15001',
    coverageScope: 'national',
    coverageCodes: [],
    ...options.identity,
  };
  const legal: SupplierLegalStanding = {
    supplierType: 'company',
    sector: 'manufactura',
    incomeCop: options.incomeCop,
    incomeYear: 2025,
    constitutedOn: options.constitutedOn ?? '2015-01-01',
    womenLed: {},
    tieBreak: {},
    rupNumber: null,
    rupExpiresOn: null,
  };
  await browser.put(`${base}/profile/identity`, identity).expect(200);
  await browser.put(`${base}/profile/legal`, legal).expect(200);
  if (options.unspscClasses) {
    const capabilities = {
      unspscClasses: options.unspscClasses,
      description: '',
      certifications: '',
      productionCapacity: '',
      nationalProducts: [],
    };
    await browser.put(`${base}/profile/capabilities`, capabilities).expect(200);
  }
  const documentIds: string[] = [];
  for (const type of options.documents ?? [])
    documentIds.push((await browser.upload(`${base}/documents`, { type }, { name: `${type}.pdf`, body: PDF }).expect(201)).body.id);
  return { account, browser, documentIds };
}
