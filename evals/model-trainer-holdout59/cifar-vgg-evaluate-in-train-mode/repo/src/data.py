import torch
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms

MEAN, STD = (0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)


def get_loaders(data_dir, val_size, batch_size, seed):
    train_tf = transforms.Compose([
        transforms.RandomCrop(32, padding=4),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])
    eval_tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize(MEAN, STD)])

    full_train = datasets.CIFAR10(data_dir, train=True, download=True, transform=train_tf)
    full_train_eval = datasets.CIFAR10(data_dir, train=True, download=False, transform=eval_tf)
    test_set = datasets.CIFAR10(data_dir, train=False, download=True, transform=eval_tf)

    perm = torch.randperm(len(full_train), generator=torch.Generator().manual_seed(seed)).tolist()
    train_set = Subset(full_train, perm[val_size:])
    val_set = Subset(full_train_eval, perm[:val_size])

    kw = dict(num_workers=4, pin_memory=True)
    return (
        DataLoader(train_set, batch_size=batch_size, shuffle=True, drop_last=True, **kw),
        DataLoader(val_set, batch_size=512, **kw),
        DataLoader(test_set, batch_size=512, **kw),
    )
