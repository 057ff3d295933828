package dev.texreport.core.template;

import freemarker.template.AdapterTemplateModel;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleCollection;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code results} variable: a folder of results files as FreeMarker sees it. Looking a file up records it as
 * used (for provenance in summary.json and the unused-file warning). A folder is both a hash (by file name) and a
 * sequence (its files in name order), so a folder of per-seed run files can be listed as one list of runs.
 */
public final class ResultsModel implements TemplateHashModelEx, TemplateSequenceModel, AdapterTemplateModel {
    private final Map<String, Object> children;
    private final Map<String, List<Path>> files;
    private final RenderContext context;
    private final ObjectWrapper wrapper;

    /**
     * @param children the folder's entries: values loaded from files, or nested folders (maps)
     * @param files    for each entry that is a file's content (or a run folder's), its files (by entry name)
     */
    public ResultsModel(Map<String, Object> children, Map<String, List<Path>> files, RenderContext context,
                        ObjectWrapper wrapper) {
        this.children = children;
        this.files = files;
        this.context = context;
        this.wrapper = wrapper;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        Object child = children.get(key);
        if (child == null) {
            return null;
        }
        return wrapChild(key, child);
    }

    @SuppressWarnings("unchecked")
    private TemplateModel wrapChild(String key, Object child) throws TemplateModelException {
        List<Path> source = files.get(key);
        if (source != null) {
            source.forEach(context::used);
            return wrapper.wrap(child);
        }
        if (child instanceof Map<?, ?> folder) {
            return new ResultsModel((Map<String, Object>) folder, nestedFiles(key), context, wrapper);
        }
        return wrapper.wrap(child);
    }

    /** Entries below a subfolder are keyed "folder/name" in the file map. */
    private Map<String, List<Path>> nestedFiles(String folder) {
        Map<String, List<Path>> nested = new LinkedHashMap<>();
        String prefix = folder + "/";
        files.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                nested.put(k.substring(prefix.length()), v);
            }
        });
        return nested;
    }

    @Override
    public boolean isEmpty() {
        return children.isEmpty();
    }

    @Override
    public int size() {
        return children.size();
    }

    @Override
    public TemplateCollectionModel keys() {
        return new SimpleCollection(new ArrayList<>(children.keySet()), wrapper);
    }

    @Override
    public TemplateCollectionModel values() throws TemplateModelException {
        List<TemplateModel> values = new ArrayList<>();
        for (String key : children.keySet()) {
            values.add(get(key));
        }
        return new SimpleCollection(values, wrapper);
    }

    @Override
    public TemplateModel get(int index) throws TemplateModelException {
        List<String> keys = new ArrayList<>(children.keySet());
        return index < 0 || index >= keys.size() ? null : get(keys.get(index));
    }

    /** The folder's entries without marking them used, for error messages that list what exists. */
    Map<String, Object> children() {
        return children;
    }

    /** Records every file below this folder as used: the whole folder was handed to a call. */
    @Override
    public Object getAdaptedObject(Class<?> hint) {
        for (String key : children.keySet()) {
            List<Path> source = files.get(key);
            if (source != null) {
                source.forEach(context::used);
            }
        }
        return children;
    }
}
