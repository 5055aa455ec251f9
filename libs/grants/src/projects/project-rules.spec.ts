import { autoAccepted, invoiceProblems, movedGrosze, settle } from './project-rules';

const window = {
  startsAt: new Date('2027-07-01T00:00:00Z'),
  endsAt: new Date('2027-12-15T00:00:00Z'),
};
const invoice = (overrides = {}) => ({
  number: 'FV/1/2027',
  issuedAt: new Date('2027-08-20T10:00:00Z'),
  amountGrosze: 100_000,
  fromGrantGrosze: 80_000,
  budgetLine: 0,
  ...overrides,
});

describe('project rules', () => {
  it('measures the money a change moves and accepts small shifts automatically', () => {
    const before = [{ grantGrosze: 300_000 }, { grantGrosze: 150_000 }];
    const after = [{ grantGrosze: 270_000 }, { grantGrosze: 170_000 }, { grantGrosze: 10_000 }];
    expect(movedGrosze(before, after)).toBe(30_000);
    expect(autoAccepted(30_000, 450_000, 10)).toBe(true);
    expect(autoAccepted(45_001, 450_000, 10)).toBe(false);
    expect(autoAccepted(1, 450_000, 0)).toBe(false);
  });

  it('names an invoice dated outside the window or taking more from the grant than it costs', () => {
    expect(
      invoiceProblems(
        [
          invoice(),
          invoice({ issuedAt: new Date('2027-12-20T10:00:00Z') }),
          invoice({ fromGrantGrosze: 100_001, budgetLine: 3 }),
        ],
        window,
        2,
      ),
    ).toEqual([
      { field: 'invoices.1.issuedAt', constraint: 'outsideWindow' },
      { field: 'invoices.2.fromGrantGrosze', constraint: 'max', limit: 100_000 },
      { field: 'invoices.2.budgetLine', constraint: 'max', limit: 1 },
    ]);
    expect(invoiceProblems([invoice({ amountGrosze: 10.5 })], window, 1)).toEqual([
      { field: 'invoices.0.amountGrosze', constraint: 'wholeGrosze' },
      { field: 'invoices.0.fromGrantGrosze', constraint: 'max', limit: 10.5 },
    ]);
  });

  it('settles: spent per line at most its plan, the rest of what was paid goes back', () => {
    const plan = [{ grantGrosze: 300_000 }, { grantGrosze: 150_000 }];
    const s = settle(450_000, plan, [
      invoice({ fromGrantGrosze: 250_000, amountGrosze: 260_000 }),
      invoice({ budgetLine: 1, fromGrantGrosze: 160_000, amountGrosze: 160_000 }),
    ]);
    expect(s).toEqual({
      paidGrosze: 450_000,
      spentFromGrantGrosze: 400_000,
      toReturnGrosze: 50_000,
      lines: [
        { plannedGrosze: 300_000, spentGrosze: 250_000 },
        { plannedGrosze: 150_000, spentGrosze: 150_000 },
      ],
    });
  });
});
