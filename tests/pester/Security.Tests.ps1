# Issue 14: redirects, connections in reused runspaces and after a failed re-connect, bad rows that stop a run.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    $script:OtherHost = ([uri]$script:BaseUri).Authority -replace '^127\.0\.0\.1', '127.0.0.2'
}

AfterAll {
    Close-TestSandbox
}

Describe 'Redirects are never followed (issue 14 item 1)' {
    BeforeAll {
        Connect-TestSandbox
    }

    It 'a <Status> on a payment is an error naming the other host, and nothing is paid' -ForEach @(
        @{ Status = 301 }, @{ Status = 302 }, @{ Status = 307 }, @{ Status = 308 }
    ) {
        Clear-SandboxState
        Add-SandboxFault @{ path = $script:Family.Many; method = 'POST'; mode = 'redirect'; status = $Status; location = "http://$script:OtherHost" }
        $out = New-XRocketTransfer -TelegramUserId 4242 -Amount 1 -Asset TONCOIN -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'RedirectRefused,*'
        $e[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $e[0].Exception.Message | Should -BeLike '*127.0.0.2*'
        @(Get-StateChangingRequest).Count | Should -Be 1
        Get-SandboxBalance -Asset TONCOIN | Should -Be 10000
    }
}

Describe 'Connections (issue 14 items 3 and 5)' {
    It 'a reused runspace starts unconnected for every new ForEach-Object -Parallel iteration' {
        Connect-TestSandbox
        $manifest = $script:StagedManifest
        $base = $script:BaseUri
        $seen = 1..10 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:manifest
            if ($_ -eq 1) {
                $key = [System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword
                Connect-XRocket -BaseUri $using:base -ApiKey $key
            }
            try {
                $null = Get-XRocketBalance -ErrorAction Stop
                "$_ connected"
            } catch {
                "$_ $($_.FullyQualifiedErrorId)"
            }
        }
        @($seen | Where-Object { $_ -like '* connected' }).Count | Should -Be 1
        @($seen | Where-Object { $_ -like '*NotConnected*' }).Count | Should -Be 9
    }

    It 'a session that never connected says NotConnected, even under Set-StrictMode -Version Latest' {
        $manifest = $script:StagedManifest
        $ids = 1..2 | ForEach-Object -ThrottleLimit 1 -Parallel {
            Set-StrictMode -Version Latest
            Import-Module $using:manifest
            try { New-XRocketTransfer -TelegramUserId 4242 -Amount 1 -Asset TONCOIN -Confirm:$false -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
        }
        $ids | Should -HaveCount 2
        $ids | ForEach-Object { $_ | Should -BeLike 'NotConnected,*' }
    }

    It 'a failed Connect-XRocket clears the old default connection' {
        Clear-SandboxState
        Connect-TestSandbox
        $wrong = [System.Net.NetworkCredential]::new('', 'wrong-token').SecurePassword
        { Connect-XRocket -BaseUri $script:BaseUri -ApiKey $wrong -MaxRetries 0 } | Should -Throw
        Get-XRocketConnection -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        { New-XRocketTransfer -TelegramUserId 4242 -Amount 1 -Asset TONCOIN -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'
        @(Get-StateChangingRequest).Count | Should -Be 0
    }
}

Describe 'Bad rows neither stop nor bend a run (issue 14 item 6)' {
    BeforeAll {
        Connect-TestSandbox
        $script:ConfirmPreference = 'None'
    }

    BeforeEach {
        Clear-SandboxState
    }

    It '<Command> with a blank id writes one error per row, and the next row still runs' -ForEach @(
        @{ Command = 'Get-XRocketCheque' }, @{ Command = 'Set-XRocketCheque' }, @{ Command = 'Remove-XRocketCheque' },
        @{ Command = 'Get-XRocketInvoice' }, @{ Command = 'Remove-XRocketInvoice' }, @{ Command = 'Get-XRocketTransfer' },
        @{ Command = 'Get-XRocketWithdrawal' }, @{ Command = 'Wait-XRocketWithdrawal' }
    ) {
        $extra = if ($Command -eq 'Set-XRocketCheque') { @{ Description = 'x' } } else { @{} }
        $rows = @([pscustomobject]@{ Id = ' ' }, [pscustomobject]@{ Id = '424242' })
        $rows | & $Command @extra -ErrorVariable e -ErrorAction SilentlyContinue | Out-Null
        $e.Count | Should -Be 2
        $e[0].FullyQualifiedErrorId | Should -BeLike "MissingParameter,*"
        $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e[0].TargetObject | Should -Be ' '
        $e[1].TargetObject | Should -Be '424242'
    }

    It 'New-XRocketInvoice -Amount '''' is MissingParameter, never an open-amount invoice' {
        New-XRocketInvoice -Currency USDT -Amount '' -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'MissingParameter,*'
        @(Get-StateChangingRequest).Count | Should -Be 0
    }

    It 'a row with two columns for one parameter is an error naming both' -ForEach @(
        @{ Row = [pscustomobject]@{ TelegramUserId = '600100'; user_id = '600200'; Amount = '1'; Asset = 'USDT' }; Names = 'TelegramUserId', 'user_id' }
        @{ Row = [pscustomobject]@{ TelegramUserId = '600100'; Amount = '1'; Asset = 'USDT'; Currency = 'TONCOIN' }; Names = 'Asset', 'Currency' }
    ) {
        $Row | New-XRocketTransfer -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ConflictingColumns,*'
        foreach ($name in $Names) { $e[0].Exception.Message | Should -BeLike "*'$name'*" }
        @(Get-StateChangingRequest).Count | Should -Be 0
    }

    It 'an explicit blank client id is refused, never replaced by a random one' -ForEach @(
        @{ Run = { New-XRocketTransfer -TelegramUserId 4242 -Amount 1 -Asset USDT -ClientTransferId ' ' -ErrorVariable e -ErrorAction SilentlyContinue; $e } }
        @{ Run = { Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 -ClientWithdrawalId ' ' -ErrorVariable e -ErrorAction SilentlyContinue; $e } }
        @{ Run = { New-XRocketCheque -Asset USDT -Amount 1 -ClientChequeId ' ' -ErrorVariable e -ErrorAction SilentlyContinue; $e } }
    ) {
        $errors = @(& $Run | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        @(Get-StateChangingRequest).Count | Should -Be 0
    }

    It 'an amount decimal would round, a zero-padded user id and a non-URL callback are refused' -ForEach @(
        @{ Row = [pscustomobject]@{ TelegramUserId = '4242'; Amount = '99999999999999999999.999999999'; Asset = 'USDT' }; Id = 'InvalidAmount' }
        @{ Row = [pscustomobject]@{ TelegramUserId = '00042'; Amount = '1'; Asset = 'USDT' }; Id = 'InvalidParameter' }
        @{ Row = [pscustomobject]@{ TelegramUserId = '4242'; Amount = '1'; Asset = 'USDT'; CallbackUrl = 'not a url' }; Id = 'InvalidParameter' }
    ) {
        $Row | New-XRocketTransfer -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        @(Get-StateChangingRequest).Count | Should -Be 0
    }

    It 'Connect-XRocket with -Proxy and a plain-http address is refused before the token is sent' {
        $key = [System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword
        { Connect-XRocket -BaseUri $script:BaseUri -ApiKey $key -Proxy 'http://127.0.0.1:9' } | Should -Throw -ErrorId 'InvalidParameter,*'
        Connect-TestSandbox
    }
}
