import numpy as np
import yaml
import evaluate
from transformers import (AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq,
                          Seq2SeqTrainer, Seq2SeqTrainingArguments)

from data import load_tokenized

with open("config.yaml") as fh:
    cfg = yaml.safe_load(fh)
tr, hub = cfg["training"], cfg["hub"]

tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
model = AutoModelForSeq2SeqLM.from_pretrained(cfg["model_name"])
splits = load_tokenized(cfg, tokenizer)
rouge = evaluate.load("rouge")


def compute_metrics(eval_pred):
    preds, labels = eval_pred
    preds = np.where(preds != -100, preds, tokenizer.pad_token_id)
    labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
    p = tokenizer.batch_decode(preds, skip_special_tokens=True)
    r = tokenizer.batch_decode(labels, skip_special_tokens=True)
    return rouge.compute(predictions=p, references=r, use_stemmer=True)


args = Seq2SeqTrainingArguments(
    output_dir=tr["output_dir"],
    run_name=cfg["run_name"],
    learning_rate=tr["learning_rate"],
    per_device_train_batch_size=tr["train_batch_size"],
    per_device_eval_batch_size=tr["eval_batch_size"],
    gradient_accumulation_steps=tr["gradient_accumulation_steps"],
    num_train_epochs=tr["epochs"],
    seed=tr["seed"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="rougeL",
    predict_with_generate=True,
    generation_max_length=cfg["max_target_length"],
    generation_num_beams=4,
    bf16=True,
    push_to_hub=hub["push"],
    hub_model_id=hub["model_id"],
    hub_token=hub["token"],
    hub_private_repo=hub["private"],
)

trainer = Seq2SeqTrainer(
    model=model,
    args=args,
    train_dataset=splits["train"],
    eval_dataset=splits["validation"],
    tokenizer=tokenizer,
    data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
    compute_metrics=compute_metrics,
)
trainer.train()

test_out = trainer.predict(splits["test"], metric_key_prefix="test")
trainer.log_metrics("test", test_out.metrics)
trainer.save_metrics("test", test_out.metrics)
if hub["push"]:
    trainer.push_to_hub(commit_message=f"{cfg['run_name']} test rougeL={test_out.metrics['test_rougeL']:.4f}")
