import type {
  NationalProductView,
  SupplierIdentity,
  SupplierLegalStanding,
  SizeClassificationView,
  SupplierDocumentView,
  SupplierPublicView,
  UnspscClassView,
} from '@eslabon/contracts';
import { rpbnExpired } from '@eslabon/domain';
import { SupplierDocument, SupplierNationalProduct, SupplierProfile, SupplierSizeClassification } from './supplier.entities';

/** Row → API shapes; kept apart from the service so the private and public views are easy to compare. */

export function sizeView(row: SupplierSizeClassification): SizeClassificationView {
  return {
    sizeClass: row.sizeClass,
    sector: row.sector,
    incomeCop: row.incomeCop,
    incomeYear: row.incomeYear,
    uvtCop: row.uvtCop,
    uvtVersionId: row.uvtVersionId,
    thresholdsVersionId: row.thresholdsVersionId,
    boundsUvt: { from: row.boundFromUvt, to: row.boundToUvt },
    mipyme: row.mipyme,
    classifiedAt: row.classifiedAt.toISOString(),
  };
}

export function productView(row: SupplierNationalProduct, unspscNames: ReadonlyMap<string, string>, today: string): NationalProductView {
  return {
    id: row.id,
    name: row.name,
    unspscClass: row.unspscClass,
    unspscName: unspscNames.get(row.unspscClass) ?? null,
    rpbnNumber: row.rpbnNumber,
    rpbnExpiresOn: row.rpbnExpiresOn,
    expired: rpbnExpired(row.rpbnExpiresOn, today),
  };
}

export function documentView(row: SupplierDocument): SupplierDocumentView {
  return {
    id: row.id,
    type: row.type,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

export interface PublicViewParts {
  profile: SupplierProfile;
  mipyme: boolean;
  domicile: SupplierPublicView['domicile'];
  classes: UnspscClassView[];
  nationalProducts: NationalProductView[];
}

/** What any signed-in organization may see of a supplier: never income, documents or the representative. */
export function publicView({ profile: p, mipyme, domicile, classes, nationalProducts }: PublicViewParts): SupplierPublicView {
  return {
    organizationId: p.organizationId,
    legalName: p.legalName ?? '',
    tradeName: p.tradeName,
    nit: p.nit ?? '',
    checkDigit: p.checkDigit ?? '',
    supplierType: p.supplierType,
    sizeClass: p.sizeClass,
    mipyme,
    womenLed: p.womenLedCriteria.length > 0,
    domicile,
    coverageScope: p.coverageScope,
    coverageCodes: p.coverageCodes,
    classes,
    nationalProducts,
    description: p.description,
    certifications: p.certifications,
    contactEmail: p.contactEmail ?? '',
    contactPhone: p.contactPhone ?? '',
    verificationStatus: p.verificationStatus,
  };
}

/** The identity step as saved, or null while any required part is missing. */
export function identityOf(p: SupplierProfile): SupplierIdentity | null {
  const { personType, legalName, nit, checkDigit, legalRepresentative, contactEmail, contactPhone, domicileMunicipality } = p;
  if (!personType || !legalName || !nit || !checkDigit || !legalRepresentative || !contactEmail || !contactPhone || !domicileMunicipality)
    return null;
  return {
    personType,
    legalName,
    tradeName: p.tradeName,
    nit,
    checkDigit,
    legalRepresentative,
    contactEmail,
    contactPhone,
    domicileMunicipality,
    coverageScope: p.coverageScope,
    coverageCodes: p.coverageCodes,
  };
}

/** The legal-standing step as saved, or null while any required part is missing. */
export function legalOf(p: SupplierProfile): SupplierLegalStanding | null {
  const { supplierType, sector, incomeCop, incomeYear, constitutedOn } = p;
  if (!supplierType || !sector || incomeCop === null || incomeYear === null || !constitutedOn) return null;
  return {
    supplierType,
    sector,
    incomeCop,
    incomeYear,
    constitutedOn,
    womenLed: p.womenLed,
    tieBreak: p.tieBreak,
    acfc: p.acfc,
    rupNumber: p.rupNumber,
    rupExpiresOn: p.rupExpiresOn,
  };
}
