"""Fits a law of the replica (README.md) with cptc and scores its predictions of the held-out
runs against copying a fitted run's curve. Per held-out run: the mean absolute error of the loss
over the logged rows after the switch, of the law and of the copy (same steps since the switch).
Usage: heldout.py WORKDIR LAW [--fit RUN,RUN,...] [--copy RUN] [cptc fit options...]
  LAW: general or domain. Default fitted runs: pretrain,cpt_i,cpt_iv,cpt_v; held out: every other
  run with a log (the replay runs only when a replay run is fitted). CPTC: the command to run
  (default: dotnet src/Cptc/bin/Release/net10.0/cptc.dll)."""
import csv, os, shlex, shutil, subprocess, sys, tempfile

work, law, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
fitted, copy_of = ['pretrain', 'cpt_i', 'cpt_iv', 'cpt_v'], 'cpt_i'
while rest and rest[0] in ('--fit', '--copy'):
    if rest[0] == '--fit':
        fitted = rest[1].split(',')
    else:
        copy_of = rest[1]
    rest = rest[2:]
cptc = shlex.split(os.environ.get('CPTC', 'dotnet src/Cptc/bin/Release/net10.0/cptc.dll'))
logs, column = os.path.join(work, 'logs'), f'loss_{law}'


def switch_step(run):
    with open(os.path.join(work, 'lr', f'{run}.csv')) as f:
        return min(int(r['step']) for r in csv.DictReader(f) if r['domain'] == 'domain') - 1


def after_switch(run):
    s = switch_step(run)
    with open(os.path.join(logs, f'{run}.csv')) as f:
        return {int(r['step']) - s: float(r[column]) for r in csv.DictReader(f) if int(r['step']) > s}


def replays(run):
    with open(os.path.join(work, 'lr', f'{run}.csv')) as f:
        return any(float(r['replay']) > 0 for r in csv.DictReader(f))


runs = sorted(f[:-4] for f in os.listdir(logs) if f.endswith('.csv') and f[:-4] not in fitted and f[:-4] != 'pretrain')
# an Eq. 4 law cannot predict a run with replay (CPT3007): those are held out with the replay form
held = [r for r in runs if any(replays(f) for f in fitted) or not replays(r)]
with tempfile.TemporaryDirectory() as tmp:
    plan = os.path.join(tmp, 'runs.cpt')
    shutil.copy(os.path.join(logs, 'runs.cpt'), plan)
    fit = cptc + ['fit', plan, '--law', law, '--write', '--replicates', '0'] + rest
    for r in fitted:
        fit += ['--data', f'{r}={os.path.join(logs, r + ".csv")}:{column}']
    done = subprocess.run(fit, capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr)
    copied = after_switch(copy_of)
    wins, rows = 0, []
    for run in held:
        logged, s = after_switch(run), switch_step(run)
        steps = ','.join(str(k + s) for k in logged)
        out = subprocess.run(cptc + ['predict', plan, '--run', run, '--at', steps, '--format', 'csv'], capture_output=True, text=True)
        if out.returncode:
            sys.exit(out.stderr)
        predicted = {int(r['step']) - s: float(r[law]) for r in csv.DictReader(out.stdout.splitlines())}
        law_mae = sum(abs(predicted[k] - v) for k, v in logged.items()) / len(logged)
        shared = [k for k in logged if k in copied]
        copy_mae = sum(abs(copied[k] - logged[k]) for k in shared) / len(shared)
        wins += law_mae < copy_mae
        rows.append((run, law_mae, copy_mae))
print(f'law {law}, fitted on {",".join(fitted)}; copy of {copy_of}')
print(f'{"held-out run":14} {"law MAE":>8} {"copy MAE":>9}')
for run, a, b in rows:
    print(f'{run:14} {a:8.4f} {b:9.4f}')
print(f'{"mean":14} {sum(r[1] for r in rows) / len(rows):8.4f} {sum(r[2] for r in rows) / len(rows):9.4f}')
print(f'the law is closer on {wins} of {len(rows)} held-out runs')
