from collections import Counter, defaultdict

import torch
from seqeval.metrics import f1_score, precision_score, recall_score


def scores(gold, pred):
    return {"precision": precision_score(gold, pred), "recall": recall_score(gold, pred), "f1": f1_score(gold, pred)}


@torch.inference_mode()
def evaluate(model, loader, id2label, device):
    model.eval()
    gold, pred, loss_sum = [], [], 0.0
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        out = model(**batch)
        loss_sum += out.loss.item()
        for p_row, l_row in zip(out.logits.argmax(-1), batch["labels"]):
            keep = l_row != -100
            gold.append([id2label[int(i)] for i in l_row[keep]])
            pred.append([id2label[int(i)] for i in p_row[keep]])
    return {"loss": loss_sum / len(loader), **scores(gold, pred)}


def memorisation_baseline(train_rows, eval_rows):
    seen = defaultdict(Counter)
    for row in train_rows:
        for tok, tag in zip(row["tokens"], row["tags"]):
            seen[tok][tag] += 1
    pred = [[seen[t].most_common(1)[0][0] if t in seen else "O" for t in row["tokens"]] for row in eval_rows]
    return scores([row["tags"] for row in eval_rows], pred)
