namespace XRocketPay.Client;

public enum XRocketEnvironment
{
    Production,
    Testnet,
    Sandbox,
}
