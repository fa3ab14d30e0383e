import torch


def wta_loss(pred, conf, gt):
    """pred (B, K, T, 2), conf (B, K) logits, gt (B, T, 2): winner-takes-all regression + mode classification."""
    ade_k = torch.linalg.norm(pred - gt[:, None], dim=-1).mean(-1)  # (B, K)
    best = ade_k.argmin(dim=1)
    reg = torch.nn.functional.smooth_l1_loss(pred[torch.arange(len(gt)), best], gt)
    cls = torch.nn.functional.cross_entropy(conf, best)
    return reg + 0.5 * cls


def train_one_epoch(model, loader, optimizer, device, accum_steps=4, clip=5.0):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total = 0.0
    for step, batch in enumerate(loader, start=1):
        hist, lanes, gt = (t.to(device) for t in batch)
        pred, conf = model(hist, lanes)
        loss = wta_loss(pred, conf, gt) / accum_steps
        loss.backward()
        total += loss.item() * accum_steps
        if step % accum_steps == 0 or step == len(loader):
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
    return total / len(loader)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    min_ade, min_fde, n = 0.0, 0.0, 0
    for hist, lanes, gt in loader:
        hist, lanes, gt = hist.to(device), lanes.to(device), gt.to(device)
        pred, _ = model(hist, lanes)
        err = torch.linalg.norm(pred - gt[:, None], dim=-1)  # (B, K, T)
        min_ade += err.mean(-1).min(1).values.sum().item()
        min_fde += err[..., -1].min(1).values.sum().item()
        n += len(gt)
    return {"minADE6": min_ade / n, "minFDE6": min_fde / n}
