import numpy as np
import torch
from sklearn.metrics import f1_score


def train_step(model, batch, optimizer, loss_fn, device):
    x, y = (t.to(device) for t in batch)
    optimizer.zero_grad(set_to_none=True)
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()


def evaluate(model, loader, loss_fn, device):
    model.eval()
    losses, preds, gold = [], [], []
    with torch.inference_mode():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            losses.append(loss_fn(logits, y).item())
            preds.append(logits.argmax(-1).cpu().numpy())
            gold.append(y.cpu().numpy())
    model.train()
    y_true, y_pred = np.concatenate(gold), np.concatenate(preds)
    return {
        "loss": float(np.mean(losses)),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
        "weighted_f1": f1_score(y_true, y_pred, average="weighted"),
    }
