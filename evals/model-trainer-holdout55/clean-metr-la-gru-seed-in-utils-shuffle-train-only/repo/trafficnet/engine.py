import numpy as np
import torch


def train_one_epoch(model, loader, optimizer, loss_fn, mean, std, device):
    model.train()
    total = 0.0
    for hist, fut in loader:
        hist, fut = hist.to(device), fut.to(device)
        optimizer.zero_grad()
        pred = model(hist) * std + mean
        loss = loss_fn(pred, fut)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        total += loss.item() * hist.size(0)
    return total / len(loader.dataset)


@torch.no_grad()
def predict(model, loader, mean, std, device):
    model.eval()
    preds, trues = [], []
    for hist, fut in loader:
        preds.append((model(hist.to(device)) * std + mean).cpu().numpy())
        trues.append(fut.numpy())
    return np.concatenate(preds), np.concatenate(trues)
