import copy

import torch
from torch.nn.utils import clip_grad_norm_


def train_one_epoch(model, loader, optimizer, loss_fn, device, grad_clip=None):
    model.train()
    running, n = 0.0, 0
    optimizer.zero_grad()
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        if grad_clip:
            clip_grad_norm_(model.parameters(), grad_clip)
        optimizer.step()
        running += loss.item() * xb.size(0)
        n += xb.size(0)
    return running / n


@torch.no_grad()
def evaluate(model, loader, loss_fn, device):
    model.eval()
    running, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        running += loss_fn(model(xb), yb).item() * xb.size(0)
        n += xb.size(0)
    return running / n


def fit(model, loaders, optimizer, scheduler, loss_fn, device, epochs, patience, grad_clip, ckpt_path):
    best_val, best_state, wait = float("inf"), None, 0
    for epoch in range(1, epochs + 1):
        tr_loss = train_one_epoch(model, loaders["train"], optimizer, loss_fn, device, grad_clip)
        va_loss = evaluate(model, loaders["val"], loss_fn, device)
        scheduler.step(va_loss)
        if va_loss < best_val - 1e-6:
            best_val, wait = va_loss, 0
            best_state = copy.deepcopy(model.state_dict())
            torch.save({"epoch": epoch, "model": best_state, "val_loss": va_loss}, ckpt_path)
        else:
            wait += 1
        if epoch % 10 == 0:
            print(f"epoch {epoch:4d}  train {tr_loss:.5f}  val {va_loss:.5f}")
        if wait >= patience:
            print(f"early stop at epoch {epoch}, best val {best_val:.5f}")
            break
    model.load_state_dict(best_state)
    return model
