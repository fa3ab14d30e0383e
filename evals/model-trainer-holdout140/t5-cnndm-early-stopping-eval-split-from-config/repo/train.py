import json
import sys

from datasets import load_dataset
from transformers import (AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq,
                          EarlyStoppingCallback, GenerationConfig, Seq2SeqTrainer,
                          Seq2SeqTrainingArguments)

from metrics import build_compute_metrics

cfg_path = sys.argv[1] if len(sys.argv) > 1 else "config.json"
with open(cfg_path) as f:
    cfg = json.load(f)
ds_cfg, tr = cfg["dataset"], cfg["training"]

raw = load_dataset(ds_cfg["path"], ds_cfg["name"])
tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
model = AutoModelForSeq2SeqLM.from_pretrained(cfg["model_name"])
model.generation_config = GenerationConfig.from_model_config(model.config)
model.generation_config.update(**cfg["generation"])


def preprocess(batch):
    inputs = [cfg["source_prefix"] + doc for doc in batch[ds_cfg["text_column"]]]
    model_inputs = tokenizer(inputs, max_length=cfg["max_source_length"], truncation=True)
    labels = tokenizer(text_target=batch[ds_cfg["summary_column"]],
                       max_length=cfg["max_target_length"], truncation=True)
    model_inputs["labels"] = labels["input_ids"]
    return model_inputs


train_ds = raw["train"].map(preprocess, batched=True, num_proc=8,
                            remove_columns=raw["train"].column_names)
eval_raw = raw[cfg["eval_split"]].select(range(cfg["max_eval_samples"]))
eval_ds = eval_raw.map(preprocess, batched=True, remove_columns=eval_raw.column_names)

args = Seq2SeqTrainingArguments(
    output_dir=tr["output_dir"],
    learning_rate=tr["learning_rate"],
    per_device_train_batch_size=tr["per_device_train_batch_size"],
    per_device_eval_batch_size=tr["per_device_eval_batch_size"],
    num_train_epochs=tr["num_train_epochs"],
    evaluation_strategy="steps",
    eval_steps=tr["eval_steps"],
    save_steps=tr["eval_steps"],
    save_total_limit=3,
    load_best_model_at_end=True,
    metric_for_best_model="rougeLsum",
    greater_is_better=True,
    predict_with_generate=True,
    seed=tr["seed"],
    bf16=True,
    logging_steps=200,
    report_to="tensorboard",
)

trainer = Seq2SeqTrainer(
    model=model,
    args=args,
    train_dataset=train_ds,
    eval_dataset=eval_ds,
    tokenizer=tokenizer,
    data_collator=DataCollatorForSeq2Seq(tokenizer, model=model, label_pad_token_id=-100),
    compute_metrics=build_compute_metrics(tokenizer),
    callbacks=[EarlyStoppingCallback(early_stopping_patience=tr["early_stopping_patience"])],
)

trainer.train()
trainer.save_model()
final = trainer.evaluate(metric_key_prefix=cfg["eval_split"])
trainer.save_metrics(cfg["eval_split"], final)
print(json.dumps(final, indent=2))
