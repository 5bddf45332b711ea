#!/usr/bin/env python3
"""Files, folders and projects of the app that an approved immediate sale touches, at two commits.

The path is a list of types (what the sale's request, orchestration, activities, webhook and ledger write run or
carry), looked up in each commit's src/ (the client excluded: its files are the same on both sides). For the commit
before the Durable-native rewrite (ae1e0a2) the renamed types are mapped back and the Durable mirror and the
forwarding functions are added. Used for issue #22's closing note:  python3 scripts/measure/sale-path.py
"""
import os, re, subprocess, collections
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
path_types = '''SaleFunctions SaleRoutes SaleSubmissionHandler SaleWorkflow SaleLog SubmitSale SaleInput SaleAccepted SaleLinks SaleProgress SaleOutcome
RequestBody ApiResults HttpProblemsMiddleware PaymentRoutes JsonBodyResult JsonRequestReader HandlerResult PaymentsProblem ProblemTypes
ChargeRequest CardRequest PayerRequest ChargeRequestValidator ChargeFingerprinter ChargeFingerprint ValidatedCharge ExplicitOffsetDateTimeConverter
RequestClaims RequestClaim RequestClaimOutcome IdempotencyClaim IIdempotencyStore TableIdempotencyStore IdempotencyRecord IdempotencyState
ICardVault HeldCard TableCardVault ICardSealer AesGcmCardSealer SealedPayload SealedPayloadContext SealingKeyRing CardDetails CardSummary SealedCard
IPaymentLedger TablePaymentLedger PaymentLedgerEntry PaymentKind PaymentStatus PaymentStatusProgression RecordPayment IUnresolvedPayments UnresolvedPayment TableUnresolvedPayments
HashedInstanceIds SaleInstanceIds IdempotencyKeys DurableClientExtensions RaiseEventResult ActivityOptions ExternalEventInbox
TransactionTracker PaymentVerdict TransactionProgress TrackingLog TrackingOptions TrackingPolicy GetTransactionStatus
ISmartRetryGateway SmartRetryGateway SmartRetryCallTranslation SaleSubmission PayerDetails PaymentSubmissionResult PaymentRejection TransactionSnapshot SmartRetryStatus
ICorrelationStore CorrelationTarget CorrelationKind TableCorrelationStore EarlyTransactionEvents IPendingEventStore PendingEvent TablePendingEventStore
OrchestrationEventNames TransactionEvent PaymentsTables PaymentsTable TableKeys ConditionalTableWrites PaymentsJson PaymentTracing PaymentMetrics
WebhookFunction WebhookReceipt WebhookOutcome WebhookIntake IWebhookEventStore TableWebhookEventStore StoredWebhookEvent WebhookEventClaim WebhookEventState WebhookEventRouter WebhookRoute WebhookCorrelation'''.split()
renamed = {'SmartRetryStatus':'TransactionStatus','ExternalEventInbox':'WorkflowEventInbox','OrchestrationEventNames':'WorkflowEventNames','PendingEvent':'PendingWorkflowEvent','IPendingEventStore':'IPendingWorkflowEventStore','TablePendingEventStore':'TablePendingWorkflowEventStore','SaleInput':'SaleWorkflowInput','DurableClientExtensions':'DurableWorkflowClient','ActivityOptions':'WorkflowRetries'}
mirror = ['IWorkflowClient','IWorkflowContext','DurableWorkflowClientFactory','IWorkflowClientFactory','DurableWorkflowContext','WorkflowTaskFailedException','ScheduleResult','PaymentStepFunctions']
decl = re.compile(r'^\s*(?:public|internal)\s+(?:(?:sealed|static|abstract|partial|readonly)\s+)*(?:record struct|record|class|interface|enum|struct)\s+([A-Z]\w*)', re.M)
def index(rev):
    files = subprocess.run(['git','ls-tree','-r','--name-only',rev,'--','src/'],capture_output=True,text=True,cwd=ROOT).stdout.split()
    where = collections.defaultdict(set)
    for f in files:
        if not f.endswith('.cs') or f.startswith('src/SmartRetry.Client/'): continue
        t = subprocess.run(['git','show',f'{rev}:{f}'],capture_output=True,text=True,cwd=ROOT).stdout
        for ty in decl.findall(t): where[ty].add(f)
    return files, where
for rev, ren in (('ae1e0a2', renamed), ('HEAD', {})):
    files, where = index(rev)
    touched=set(); missing=[]
    for ty in path_types + (mirror if rev=='ae1e0a2' else []):
        s = where.get(ren.get(ty,ty))
        if s: touched |= s
        else: missing.append(ty)
    if rev=='ae1e0a2':
        touched |= {f for f in files if f.startswith('src/SmartRetry.Functions/Workflows/Sales/')}
    folders = collections.Counter(p.rsplit('/',1)[0] for p in touched)
    print(rev, len(touched), 'files', len(folders), 'folders', len({p.split('/')[1] for p in touched}), 'projects', 'missing', missing)
    for fo, n in sorted(folders.items()): print('   ', n, fo)
