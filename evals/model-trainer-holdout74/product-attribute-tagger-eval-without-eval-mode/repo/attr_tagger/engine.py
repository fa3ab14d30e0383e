import torch
import torch.nn.functional as F
from seqeval.metrics import f1_score, precision_score, recall_score
from seqeval.scheme import IOB2


def train_one_epoch(model, loader, optimizer, device, clip=5.0):
    model.train()
    total, n = 0.0, 0
    for words, tags, lengths in loader:
        words, tags = words.to(device), tags.to(device)
        optimizer.zero_grad()
        logits = model(words, lengths)
        loss = F.cross_entropy(logits.view(-1, logits.size(-1)), tags.view(-1), ignore_index=0)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()
        total += loss.item() * words.size(0)
        n += words.size(0)
    return total / n


@torch.no_grad()
def evaluate(model, loader, tag_vocab, device):
    gold, pred = [], []
    total, n = 0.0, 0
    for words, tags, lengths in loader:
        words, tags = words.to(device), tags.to(device)
        logits = model(words, lengths)
        loss = F.cross_entropy(logits.view(-1, logits.size(-1)), tags.view(-1), ignore_index=0)
        total += loss.item() * words.size(0)
        n += words.size(0)
        best = logits.argmax(-1)
        for i, length in enumerate(lengths.tolist()):
            gold.append([tag_vocab.itos[t] for t in tags[i, :length].tolist()])
            pred.append([tag_vocab.itos[max(t, 1)] for t in best[i, :length].tolist()])
    return {
        "loss": total / n,
        "precision": precision_score(gold, pred, mode="strict", scheme=IOB2),
        "recall": recall_score(gold, pred, mode="strict", scheme=IOB2),
        "f1": f1_score(gold, pred, mode="strict", scheme=IOB2),
    }
