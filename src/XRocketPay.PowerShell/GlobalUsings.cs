// The namespaces nearly every file of the module uses, named once.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Management.Automation;
global using System.Threading;
global using System.Threading.Tasks;
global using XRocketPay.Client;
global using XRocketPay.Client.Models;
global using XRocketPay.PowerShell.Infrastructure;
global using XRocketPay.PowerShell.PayoutRuns;
