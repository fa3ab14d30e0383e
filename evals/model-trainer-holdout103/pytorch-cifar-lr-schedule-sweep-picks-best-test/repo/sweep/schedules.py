from torch.optim import lr_scheduler


def make_scheduler(name, optimizer, epochs, steps_per_epoch, cfg):
    """Return (scheduler, step_per_batch)."""
    if name == "step":
        return lr_scheduler.MultiStepLR(optimizer, milestones=cfg["milestones"], gamma=0.1), False
    if name == "cosine":
        return lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs), False
    if name == "onecycle":
        return lr_scheduler.OneCycleLR(optimizer, max_lr=cfg["lr"], epochs=epochs,
                                       steps_per_epoch=steps_per_epoch), True
    raise ValueError(f"unknown schedule {name}")
