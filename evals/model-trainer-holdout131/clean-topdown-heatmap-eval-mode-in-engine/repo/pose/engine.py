import torch

from pose.heatmaps import decode_argmax


def train_one_epoch(model, loader, optimizer, criterion, device, log_every=50):
    model.train()
    running = 0.0
    for it, (img, target, weight, _) in enumerate(loader):
        img, target, weight = img.to(device), target.to(device), weight.to(device)
        loss = criterion(model(img), target, weight)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        running += loss.item()
        if (it + 1) % log_every == 0:
            print(f"  it {it + 1:5d}  loss {running / (it + 1):.6f}")
    return running / max(len(loader), 1)


@torch.no_grad()
def evaluate(model, loader, device, thr=0.5):
    """PCKh-style: a joint is correct if it lies within thr * head segment length of the GT."""
    model.eval()
    hits = total = 0.0
    for img, _, weight, meta in loader:
        hm = model(img.to(device))
        hm = (hm + torch.flip(model(torch.flip(img.to(device), dims=[3])), dims=[3])[:, meta["flip_index"][0]]) / 2
        pred = decode_argmax(hm.cpu()) * meta["stride"][:, None, None]
        gt, head = meta["joints"], meta["head_size"][:, None]
        vis = weight.squeeze(-1)
        ok = (torch.linalg.norm(pred - gt, dim=-1) <= thr * head).float() * vis
        hits += ok.sum().item()
        total += vis.sum().item()
    return hits / max(total, 1.0)
