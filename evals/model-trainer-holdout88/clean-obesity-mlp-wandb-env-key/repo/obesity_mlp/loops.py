import torch


def train_epoch(model, loader, optimizer, loss_fn):
    model.train()
    running, n = 0.0, 0
    for xb, yb in loader:
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * len(yb)
        n += len(yb)
    return running / n


@torch.no_grad()
def predict(model, loader):
    model.eval()
    preds, ys = [], []
    for xb, yb in loader:
        preds.append(model(xb))
        ys.append(yb)
    return torch.cat(preds).numpy(), torch.cat(ys).numpy()
