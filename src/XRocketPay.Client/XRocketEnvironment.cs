namespace XRocketPay.Client;

public enum XRocketEnvironment
{
    /// <summary>The host the official page names (<c>pay.api.pp.xrocket.tg</c>), transfers dialect.</summary>
    Production,

    /// <summary>The testnet every public client uses (<c>pay.api.testnet.xrocket.exchange</c>), payouts dialect.</summary>
    Testnet,

    /// <summary>The local sandbox.</summary>
    Sandbox,

    /// <summary>The production host every public v1 client uses (<c>pay.api.xrocket.exchange</c>), payouts dialect.</summary>
    Exchange,
}
