import { VatCategory } from './invoice.entity.js';

/** The VAT rule of the school: a rate, or exempt training with its reason. */
export interface VatRule {
  ratePercent: number;
  exemption: { code: string; text: string } | null;
}

export interface LineAmounts {
  quantity: number;
  unitPriceCents: number;
  netCents: number;
  vatRatePercent: number;
  vatCategory: VatCategory;
  vatCents: number;
  exemptionCode: string | null;
  exemptionText: string | null;
}

/**
 * VAT is computed on each line and rounded there (half away from zero, to the cent); the invoice's
 * totals are the sums of its lines. EN 16931 (BR-CO-17) computes a category's VAT from its taxable
 * total, and its official rules allow the difference of per-line rounding (up to 1.00 a category).
 */
export function lineAmounts(quantity: number, unitPriceCents: number, vat: VatRule): LineAmounts {
  const netCents = quantity * unitPriceCents;
  const exempt = vat.ratePercent === 0 && vat.exemption !== null;
  const vatCents = exempt ? 0 : Math.sign(netCents) * Math.round((Math.abs(netCents) * vat.ratePercent) / 100);
  return {
    quantity,
    unitPriceCents,
    netCents,
    vatRatePercent: vat.ratePercent,
    vatCategory: exempt ? VatCategory.EXEMPT : VatCategory.STANDARD,
    vatCents,
    exemptionCode: exempt ? vat.exemption!.code : null,
    exemptionText: exempt ? vat.exemption!.text : null,
  };
}

export function totals(lines: readonly { netCents: number; vatCents: number }[]) {
  const netCents = lines.reduce((sum, line) => sum + line.netCents, 0);
  const vatCents = lines.reduce((sum, line) => sum + line.vatCents, 0);
  return { netCents, vatCents, totalCents: netCents + vatCents };
}

/** Cents as a decimal amount with two places ("1234.50"), as UBL wants it. */
export function decimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
