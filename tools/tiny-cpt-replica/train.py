"""Trains one run of the replica experiment (README.md) and writes its log, in the form real
trainings write them: WORKDIR/logs/RUN.csv with step,lr,loss_general,loss_domain; a CPT run's log
starts with the pre-training rows up to its checkpoint. The LR of every step comes from
`cptc export runs.cpt --run RUN --target csv` (WORKDIR/lr/RUN.csv), so it is the schedule's,
bit for bit. Usage: train.py WORKDIR RUN (pretrain first: it saves the checkpoints)."""
import csv, math, os, sys
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F

CONTEXT, WIDTH, HEADS, LAYERS, BATCH = 128, 64, 4, 4, 8
CHECKPOINTS = (500, 850, 1000)
torch.set_num_threads(1)
work, run = sys.argv[1], sys.argv[2]


def text(name):
    return np.fromfile(os.path.join(work, name), dtype=np.uint8)


def windows(data, offsets):
    return torch.tensor(np.stack([data[o:o + CONTEXT + 1] for o in offsets]).astype(np.int64))


def validation(name):
    """64 fixed windows of held-out text per domain."""
    data = text(f'{name}.val')
    return windows(data, np.random.default_rng(123).integers(0, len(data) - CONTEXT - 1, 64))


class Sampler:
    """Windows at random offsets of a domain's training text, from its own seed."""
    def __init__(self, name, seed):
        self.data, self.rng = text(f'{name}.train'), np.random.default_rng(seed)

    def take(self, n):
        return windows(self.data, self.rng.integers(0, len(self.data) - CONTEXT - 1, n))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1, self.qkv, self.proj = nn.LayerNorm(WIDTH), nn.Linear(WIDTH, 3 * WIDTH), nn.Linear(WIDTH, WIDTH)
        self.ln2, self.fc, self.out = nn.LayerNorm(WIDTH), nn.Linear(WIDTH, 4 * WIDTH), nn.Linear(4 * WIDTH, WIDTH)

    def forward(self, x):
        b, t, _ = x.shape
        q, k, v = (z.view(b, t, HEADS, WIDTH // HEADS).transpose(1, 2) for z in self.qkv(self.ln1(x)).split(WIDTH, dim=2))
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(WIDTH // HEADS)
        scores = scores.masked_fill(torch.triu(torch.ones(t, t, dtype=torch.bool), 1), float('-inf'))
        x = x + self.proj((scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, WIDTH))
        return x + self.out(F.gelu(self.fc(self.ln2(x))))


class GPT(nn.Module):
    """Byte-level, pre-LayerNorm, learned positions, untied head: 241,024 parameters."""
    def __init__(self):
        super().__init__()
        self.tok, self.pos = nn.Embedding(256, WIDTH), nn.Embedding(CONTEXT, WIDTH)
        self.blocks = nn.ModuleList(Block() for _ in range(LAYERS))
        self.ln, self.head = nn.LayerNorm(WIDTH), nn.Linear(WIDTH, 256, bias=False)

    def forward(self, idx):
        x = self.tok(idx) + self.pos(torch.arange(idx.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.head(self.ln(x))


def loss_of(model, batch):
    return F.cross_entropy(model(batch[:, :-1]).reshape(-1, 256), batch[:, 1:].reshape(-1))


def adamw(model):
    """Weight decay on matrices and embeddings, not on biases or LayerNorm."""
    matrices = [p for p in model.parameters() if p.dim() >= 2]
    others = [p for p in model.parameters() if p.dim() < 2]
    return torch.optim.AdamW([{'params': matrices, 'weight_decay': 0.1}, {'params': others, 'weight_decay': 0.0}],
                             lr=0, betas=(0.9, 0.95), eps=1e-8)


schedule = {int(r['step']): (float(r['lr']), r['domain'], float(r.get('replay') or 0))
            for r in csv.DictReader(open(os.path.join(work, 'lr', f'{run}.csv')))}
last = max(schedule)
val = {name: validation(name) for name in ('general', 'domain')}
torch.manual_seed(0)
model = GPT()
rows = []
if run == 'pretrain':
    first, main, replayed, replay = 1, Sampler('general', 1), None, 0.0
    logged = set(range(50, last + 1, 50)) | set(CHECKPOINTS) | {last}
else:
    first = min(k for k, s in schedule.items() if s[1] == 'domain')
    checkpoint = first - 1
    model.load_state_dict(torch.load(os.path.join(work, f'checkpoint_{checkpoint}.pt')))
    main, replayed, replay = Sampler('domain', 3), Sampler('general', 4), schedule[first][2]
    logged = set(range(50 * (checkpoint // 50 + 1), last + 1, 50)) | {checkpoint + 10, checkpoint + 20, checkpoint + 30, last}
    with open(os.path.join(work, 'logs', 'pretrain.csv')) as f:
        rows = [(int(r['step']), r['lr'], r['loss_general'], r['loss_domain']) for r in csv.DictReader(f)
                if int(r['step']) <= checkpoint and (int(r['step']) % 50 == 0 or int(r['step']) == checkpoint)]
optimiser = adamw(model)
for step in range(first, last + 1):
    lr = schedule[step][0]
    for group in optimiser.param_groups:
        group['lr'] = lr
    n_replay = round(BATCH * replay)
    batch = main.take(BATCH - n_replay)
    if n_replay:
        batch = torch.cat([batch, replayed.take(n_replay)])
    loss = loss_of(model, batch)
    optimiser.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimiser.step()
    if step in logged:
        model.eval()
        with torch.no_grad():
            rows.append((step, repr(lr), f'{loss_of(model, val["general"]).item():.6f}', f'{loss_of(model, val["domain"]).item():.6f}'))
        model.train()
    if run == 'pretrain' and step in CHECKPOINTS:
        torch.save(model.state_dict(), os.path.join(work, f'checkpoint_{step}.pt'))
os.makedirs(os.path.join(work, 'logs'), exist_ok=True)
with open(os.path.join(work, 'logs', f'{run}.csv.tmp'), 'w') as f:
    f.write('step,lr,loss_general,loss_domain\n')
    f.writelines(f'{s},{lr},{g},{d}\n' for s, lr, g, d in rows)
os.replace(os.path.join(work, 'logs', f'{run}.csv.tmp'), os.path.join(work, 'logs', f'{run}.csv'))
