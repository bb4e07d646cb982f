namespace XRocketPay.Client;

/// <summary>
/// How the API names its transfer family on the wire. The official page shows <c>transfers</c>; every
/// public v1 client and a saved copy of the live OpenAPI show <c>payouts</c> (docs/api/README.md). The
/// dialect changes paths, ids and JSON keys only: models, cmdlets and properties stay the same.
/// </summary>
public enum XRocketApiDialect
{
    /// <summary>Known hosts map directly; any other host is asked once, with read-only look-ups.</summary>
    Auto,

    /// <summary><c>/api/v1/transfers</c>, <c>transferId</c>, <c>clientTransferId</c>, <c>successTransfers</c>.</summary>
    Transfers,

    /// <summary><c>/api/v1/payouts</c>, <c>payoutId</c>, <c>clientPayoutId</c>, <c>successPayouts</c>.</summary>
    Payouts,
}
