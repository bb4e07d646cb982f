BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    Connect-TestSandbox

    # A delivery the sandbox signed: an invoice paid with a callback to the sandbox's own sink.
    Clear-SandboxState
    $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2 -CallbackUrl "$script:BaseUri/sandbox/webhook-sink"
    $null = $invoice | Invoke-XRocketInvoicePayment -Confirm:$false
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    do {
        $script:delivery = (Invoke-SandboxAdmin -Path webhook-sink).items | Select-Object -First 1
    } until ($script:delivery -or [DateTime]::UtcNow -gt $deadline)

    $script:headers = @{}
    $script:delivery.headers.PSObject.Properties | ForEach-Object { $script:headers[$_.Name] = $_.Value }
    $script:secret = [System.Net.NetworkCredential]::new('', 'sandbox-webhook-secret').SecurePassword
}

AfterAll {
    Disconnect-XRocket -ErrorAction SilentlyContinue
    Close-TestSandbox
}

Describe 'Webhooks' {
    It 'Test-XRocketWebhookSignature accepts the sandbox signature and refuses a changed body' {
        Test-XRocketWebhookSignature -Body $script:delivery.body -Headers $script:headers -Secret $script:secret | Should -BeTrue
        Test-XRocketWebhookSignature -Body ($script:delivery.body + ' ') -Headers $script:headers -Secret $script:secret | Should -BeFalse
    }

    It 'ConvertFrom-XRocketWebhook verifies and parses the delivery' {
        $event = ConvertFrom-XRocketWebhook -Body $script:delivery.body -Headers $script:headers -Secret $script:secret
        $event.Type | Should -Be 'invoice'
        $event.Id | Should -Not -BeNullOrEmpty
    }

    It 'ConvertFrom-XRocketWebhook refuses a tampered body with InvalidWebhookSignature' {
        $tampered = $script:delivery.body.Replace('"2"', '"200"')
        { ConvertFrom-XRocketWebhook -Body $tampered -Headers $script:headers -Secret $script:secret -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidWebhookSignature,*'
    }
}
