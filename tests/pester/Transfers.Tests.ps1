BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox -Connect
}

AfterAll {
    Close-TestSandbox
}

Describe 'New-XRocketTransfer and Get-XRocketTransfer' {
    BeforeEach {
        Clear-SandboxState
    }

    It 'pays once, and Get-XRocketTransfer reads the transfer back' {
        $sent = New-XRocketTransfer -TelegramUserId 87209764 -Amount 1.23 -Asset TONCOIN -Description 'thanks' -Confirm:$false
        $sent.Outcome | Should -Be 'Sent'
        Get-SandboxBalance -Asset TONCOIN | Should -Be 9998.77
        $read = Get-XRocketTransfer -Id $sent.TransferId
        $read.Amount | Should -Be 1.23
        (Get-XRocketTransfer -ClientTransferId $sent.ClientTransferId).TransferId | Should -Be $sent.TransferId
        @(Get-XRocketTransfer).Count | Should -Be 1
    }
}

Describe 'Payout files through Import-Csv' {
    BeforeEach {
        Clear-SandboxState
        $script:csv = Join-Path $TestDrive 'payouts.csv'
    }

    It 'sends nothing with -WhatIf' {
        @('user_id,amount,asset,description', '1001,1.5,TONCOIN,first', '1002,2.25,USDT,second') | Set-Content -Path $script:csv
        Clear-SandboxRequest
        Import-Csv $script:csv | New-XRocketTransfer -BatchId pester -WhatIf
        Get-StateChangingRequest | Should -BeNullOrEmpty
        Get-SandboxBalance -Asset TONCOIN | Should -Be 10000
    }

    It 'pays each row once and reports a re-run as AlreadyDone' {
        @('user_id,amount,asset,description', '1001,1.5,TONCOIN,first', '1002,2.25,USDT,second') | Set-Content -Path $script:csv
        $first = Import-Csv $script:csv | New-XRocketTransfer -BatchId pester-rerun -Confirm:$false
        $first.Outcome | Should -Be @('Sent', 'Sent')
        $again = Import-Csv $script:csv | New-XRocketTransfer -BatchId pester-rerun -Confirm:$false
        $again.Outcome | Should -Be @('AlreadyDone', 'AlreadyDone')
        $again.ClientTransferId | Should -Be $first.ClientTransferId
        Get-SandboxBalance -Asset TONCOIN | Should -Be 9998.5
        Get-SandboxBalance -Asset USDT | Should -Be 9997.75
    }

    It 'binds the column aliases <Header>' -ForEach @(
        @{ Header = 'user_id,amount,asset' }
        @{ Header = 'tg_user_id,Amount,Currency' }
        @{ Header = 'TelegramUserId,amount,Asset' }
        @{ Header = 'Target,amount,asset' }
    ) {
        @($Header, '2001,0.5,TRX') | Set-Content -Path $script:csv
        (Import-Csv $script:csv | New-XRocketTransfer -Confirm:$false).Outcome | Should -Be 'Sent'
        Get-SandboxBalance -Asset TRX | Should -Be 9999.5
    }

    It 'reads a UTF-8 file with a BOM and a semicolon delimiter' {
        @('user_id;amount;asset;description', '3001;0.25;USDT;Überweisung') | Set-Content -Path $script:csv -Encoding utf8BOM
        $sent = Import-Csv $script:csv -Delimiter ';' | New-XRocketTransfer -Confirm:$false
        $sent.Outcome | Should -Be 'Sent'
        (Get-XRocketTransfer -Id $sent.TransferId).Description | Should -Be 'Überweisung'
        Get-SandboxBalance -Asset USDT | Should -Be 9999.75
    }

    It 'refuses a row with an empty amount cell as MissingParameter and pays the others' {
        @('user_id,amount,asset,description', '4001,,USDT,', '4002,1,USDT,') | Set-Content -Path $script:csv
        $sent = Import-Csv $script:csv | New-XRocketTransfer -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        @($sent).Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MissingParameter,*'
        $failed[0].TargetObject.user_id | Should -Be '4001'
        Get-SandboxBalance -Asset USDT | Should -Be 9999
    }

    It 'refuses a decimal comma with InvalidAmount, sends nothing for that row and names the client id it would carry' {
        $rows = @([pscustomobject]@{ user_id = '1003'; amount = '1,5'; asset = 'TONCOIN' })
        Clear-SandboxRequest
        $rows | New-XRocketTransfer -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAmount,*'
        $failed[0].TargetObject.ClientTransferId | Should -Not -BeNullOrEmpty
        Get-StateChangingRequest | Should -BeNullOrEmpty
        Get-SandboxBalance -Asset TONCOIN | Should -Be 10000
    }
}

Describe 'The documented retry flow never pays twice' {
    BeforeEach {
        Clear-SandboxState
        $script:csv = Join-Path $TestDrive 'payouts.csv'
        $script:retry = Join-Path $TestDrive 'retry.csv'
        @('user_id,amount,asset,description', '6001,1.25,TONCOIN,ok', '6002,"1,5",TONCOIN,comma', '6003,2,USDT,ok') | Set-Content -Path $script:csv
    }

    It 'pays each row once when the fixed retry file is run twice (<Name>)' -ForEach @(
        @{ Name = 'with -BatchId'; Batch = @{ BatchId = 'retry-flow' } }
        @{ Name = 'without -BatchId'; Batch = @{} }
    ) {
        $batch = $Batch
        $null = Import-Csv $script:csv | New-XRocketTransfer @batch -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed.TargetObject | Export-Csv -Path $script:retry -NoTypeInformation

        # The user fixes the amount in the retry file, then runs it, and (by accident) runs it again.
        $fixed = Import-Csv $script:retry | ForEach-Object { $_.amount = '1.5'; $_ }
        $fixed | Export-Csv -Path $script:retry -NoTypeInformation
        $first = Import-Csv $script:retry | New-XRocketTransfer @batch -Confirm:$false
        $second = Import-Csv $script:retry | New-XRocketTransfer @batch -Confirm:$false
        $first.Outcome | Should -Be 'Sent'
        $second.Outcome | Should -Be 'AlreadyDone'

        $perUser = Get-XRocketTransfer | Group-Object Target
        $perUser | ForEach-Object { $_.Count | Should -Be 1 -Because "user $($_.Name) is paid once" }
        @($perUser).Count | Should -Be 3
        Get-SandboxBalance -Asset TONCOIN | Should -Be (10000 - 1.25 - 1.5)
    }
}

Describe 'Either API dialect (this file runs once per dialect: see build.ps1)' {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox
        $script:dialect = (Get-XRocketConnection).ApiDialect
    }

    AfterAll {
        Connect-TestSandbox
    }

    It 'detects the dialect the sandbox serves with read-only requests' {
        "$script:dialect" | Should -BeIn @('Transfers', 'Payouts')
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It 'survives a fault after commit: one payment, reported Sent' {
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Many; mode = 'after-commit'; status = 500 }
        $sent = New-XRocketTransfer -TelegramUserId 7001 -Amount 2 -Asset USDT -Confirm:$false
        $sent.Outcome | Should -Be 'Sent'
        Get-SandboxBalance -Asset USDT | Should -Be 9998
        @(Get-XRocketTransfer).Count | Should -Be 1
    }

    It 'with the dialect forced wrong, pays nothing and says how to switch' {
        $wrong = if ($script:dialect -eq 'Payouts') { 'Transfers' } else { 'Payouts' }
        Connect-XRocket -BaseUri $script:BaseUri -ApiKey ([System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword) -ApiDialect $wrong
        New-XRocketTransfer -TelegramUserId 7002 -Amount 2 -Asset USDT -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'RouteNotFound,*'
        $failed[0].Exception.Message | Should -BeLike "*-ApiDialect $script:dialect*"
        $failed[0].TargetObject.ClientTransferId | Should -Not -BeNullOrEmpty
        Get-SandboxBalance -Asset USDT | Should -Be 10000
    }
}

Describe 'A paid row costs no copy of it (issue 15)' {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox
        $script:reads = 0
    }

    It '<Command> copies a row only when it fails' -ForEach @(
        @{ Command = 'New-XRocketTransfer' }
        @{ Command = 'New-XRocketMassTransfer' }
    ) {
        function New-ProbeRow {
            [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Builds a row in memory; changes no state.')]
            param([string] $Amount)
            $row = [pscustomobject]@{ user_id = '8001'; amount = $Amount; asset = 'USDT' }
            # Only a copy of the whole row reads this column: binding reads the bound columns alone.
            $row | Add-Member -MemberType ScriptProperty -Name Probe -Value { $script:reads++; 'read' }
            $row
        }

        $null = New-ProbeRow '1' | & $Command -Confirm:$false
        $script:reads | Should -Be 0
        $null = New-ProbeRow '1,5' | & $Command -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].TargetObject.Probe | Should -Be 'read'
        $script:reads | Should -Be 1
    }
}
