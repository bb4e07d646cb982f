using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

public enum MassTransferRowStatus
{
    Sent,
    AlreadyDone,
    Failed,
}
