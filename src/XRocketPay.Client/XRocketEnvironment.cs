using System;
using System.Net;

namespace XRocketPay.Client;

public enum XRocketEnvironment
{
    Production,
    Testnet,
    Sandbox,
}
