using SmartRetry.Simulator;

// Stand-alone run (scripts/run-local.sh): http://127.0.0.1:5080 unless --urls is given; options from the "Simulator"
// configuration section, e.g. --Simulator:WebhookUrl=http://127.0.0.1:7071/api/webhooks/smartretry or
// Simulator__TimeFactor=86400.
await SmartRetrySimulator.RunAsync(args);
