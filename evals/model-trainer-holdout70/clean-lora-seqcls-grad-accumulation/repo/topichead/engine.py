"""Training and evaluation steps for the LoRA sequence-classification head."""
import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, scheduler, device, accum_steps, max_grad_norm=1.0):
    model.train()
    running, n_updates = 0.0, 0
    for step, batch in enumerate(loader, start=1):
        batch = {k: v.to(device) for k, v in batch.items()}
        loss = model(**batch).loss / accum_steps
        loss.backward()
        running += loss.item()
        if step % accum_steps == 0 or step == len(loader):
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            n_updates += 1
    return running * accum_steps / len(loader), n_updates


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    losses, preds, gold = [], [], []
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        out = model(**batch)
        losses.append(out.loss.item())
        preds.append(out.logits.argmax(-1).cpu().numpy())
        gold.append(batch["labels"].cpu().numpy())
    preds, gold = np.concatenate(preds), np.concatenate(gold)
    return {
        "loss": float(np.mean(losses)),
        "accuracy": accuracy_score(gold, preds),
        "macro_f1": f1_score(gold, preds, average="macro"),
        "weighted_f1": f1_score(gold, preds, average="weighted"),
    }
