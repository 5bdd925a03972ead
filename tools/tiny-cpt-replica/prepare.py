"""Builds the replica's two domains from this machine's files (README.md): `general` from man
pages of sections 1, 5 and 8 rendered to plain text, `domain` from the Python standard library's
.py files (tests excluded). About one document in ten goes to the validation text (100 kB each).
Usage: prepare.py WORKDIR"""
import glob, os, random, subprocess, sys

work = sys.argv[1]
os.makedirs(work, exist_ok=True)
random.seed(0)


def split(documents, name):
    """Every tenth document to validation until it holds 100 kB, the rest to training."""
    val, train = bytearray(), bytearray()
    for i, text in enumerate(documents):
        (val if len(val) < 100_000 and i % 10 == 0 else train).extend(text)
    for part, data in (('train', train), ('val', val)):
        with open(os.path.join(work, f'{name}.{part}'), 'wb') as f:
            f.write(data)
    print(f'{name}: {len(train):,} bytes of training text, {len(val):,} of validation text')


def man_pages():
    # generated cloud-CLI pages are thousands of near-copies: left out to keep the prose varied
    pages = [p for s in '158' for p in sorted(glob.glob(f'/usr/share/man/man{s}/*'))
             if 'gcloud' not in p and not os.path.basename(p).startswith('bq')]
    random.shuffle(pages)
    env = dict(os.environ, MANWIDTH='80', LANG='C.UTF-8')
    total = 0
    for page in pages:
        try:
            text = subprocess.run(['man', '-l', page], capture_output=True, env=env, timeout=10).stdout
            text = subprocess.run(['col', '-bx'], input=text, capture_output=True).stdout
        except subprocess.TimeoutExpired:
            continue
        if len(text) < 500:
            continue
        yield text
        total += len(text)
        if total > 3.6e6:
            return


def python_sources():
    root = os.path.dirname(os.__file__)
    files = sorted(f for f in glob.glob(f'{root}/**/*.py', recursive=True) if '/test' not in f)
    random.shuffle(files)
    for f in files:
        with open(f, 'rb') as handle:
            yield handle.read()


split(list(man_pages()), 'general')
split(list(python_sources()), 'domain')
