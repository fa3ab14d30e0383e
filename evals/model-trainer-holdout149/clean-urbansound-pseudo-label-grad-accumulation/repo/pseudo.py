import torch


@torch.no_grad()
def predict_proba(model, X, device, batch=4096):
    model.eval()
    out = [torch.softmax(model(X[i:i + batch].to(device)), dim=1).cpu() for i in range(0, len(X), batch)]
    return torch.cat(out)


def select_pseudo_labels(model, X_unl, threshold, device):
    proba = predict_proba(model, X_unl, device)
    conf, label = proba.max(dim=1)
    keep = conf >= threshold
    return X_unl[keep], label[keep]
