import torch


def fit_epoch(model, loader, opt, loss_fn, device):
    model.train()
    opt.zero_grad(set_to_none=True)
    running = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)
        running += loss.item() * xb.size(0)
    return running / len(loader.dataset)


@torch.inference_mode()
def evaluate(model, loader, device):
    model.eval()
    preds, targets = [], []
    for xb, yb in loader:
        preds.append(model(xb.to(device)).cpu())
        targets.append(yb)
    return torch.cat(preds), torch.cat(targets)
