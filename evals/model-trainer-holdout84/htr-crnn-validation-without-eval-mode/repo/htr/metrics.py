import editdistance


def cer(preds, refs):
    errors = sum(editdistance.eval(p, r) for p, r in zip(preds, refs))
    total = sum(len(r) for r in refs)
    return errors / max(total, 1)


def wer(preds, refs):
    errors = sum(editdistance.eval(p.split(), r.split()) for p, r in zip(preds, refs))
    total = sum(len(r.split()) for r in refs)
    return errors / max(total, 1)
