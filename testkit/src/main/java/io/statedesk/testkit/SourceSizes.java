package io.statedesk.testkit;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the classes and methods too long to read in one sitting (issue 22): a top-level class over
 * its limit, and a method over its limit whose Javadoc does not say why it is that long (a sentence
 * with "why"). Why a parser (the JDK's own, {@code com.sun.source}) rather than counting braces: a
 * method's extent, its Javadoc and whether a class is nested are what the compiler says they are,
 * whatever the formatting, text blocks or lambdas inside.
 */
public final class SourceSizes {

  private SourceSizes() {}

  /** One class or method over its limit: "path:line: name, N lines". */
  public record Finding(String where, String name, long lines) {
    @Override
    public String toString() {
      return where + ": " + name + ", " + lines + " lines";
    }
  }

  /** Top-level classes (records, enums, interfaces) under {@code root} longer than {@code max}. */
  public static List<Finding> longClasses(Path root, int max) {
    return scan(root, max, true);
  }

  /**
   * Methods and constructors under {@code root} longer than {@code max} lines whose Javadoc does
   * not say why.
   */
  public static List<Finding> longMethodsWithoutWhy(Path root, int max) {
    return scan(root, max, false);
  }

  private static List<Finding> scan(Path root, int max, boolean classes) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<Finding> found = new ArrayList<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null);
        Stream<Path> walk = Files.walk(root)) {
      List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  null,
                  files,
                  problem -> {},
                  List.of("-proc:none"),
                  null,
                  files.getJavaFileObjectsFromPaths(sources));
      DocTrees trees = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        String path =
            root.toAbsolutePath()
                .normalize()
                .relativize(Path.of(unit.getSourceFile().toUri()))
                .toString();
        new Sizes(unit, trees, path, max, classes, found).scan(unit, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** Walks one file, adding what is over the limit. */
  private static final class Sizes extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final DocTrees trees;
    private final String path;
    private final int max;
    private final boolean classes;
    private final List<Finding> found;
    private final LineMap lines;
    private final SourcePositions positions;

    Sizes(
        CompilationUnitTree unit,
        DocTrees trees,
        String path,
        int max,
        boolean classes,
        List<Finding> found) {
      this.unit = unit;
      this.trees = trees;
      this.path = path;
      this.max = max;
      this.classes = classes;
      this.found = found;
      this.lines = unit.getLineMap();
      this.positions = trees.getSourcePositions();
    }

    @Override
    public Void visitClass(ClassTree type, Void unused) {
      boolean topLevel = getCurrentPath().getParentPath().getLeaf() instanceof CompilationUnitTree;
      if (classes && topLevel) {
        add(type, type.getSimpleName().toString());
      }
      return super.visitClass(type, unused);
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
      if (!classes && method.getBody() != null) {
        String doc = trees.getDocComment(getCurrentPath());
        if (doc == null || !doc.toLowerCase(Locale.ROOT).contains("why")) {
          add(method, method.getName().toString());
        }
      }
      return super.visitMethod(method, unused);
    }

    private void add(Tree tree, String name) {
      long first = lines.getLineNumber(positions.getStartPosition(unit, tree));
      long last = lines.getLineNumber(positions.getEndPosition(unit, tree));
      if (last - first + 1 > max) {
        found.add(new Finding(path + ":" + first, name, last - first + 1));
      }
    }
  }
}
