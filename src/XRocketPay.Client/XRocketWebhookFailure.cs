using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

public enum XRocketWebhookFailure
{
    None,
    MissingHeader,
    UnsupportedVersion,
    StaleTimestamp,
    InvalidSignature,
}
